package dev.headlesscrm.platform.security;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import dev.headlesscrm.platform.api.Versioned;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Teaches the application's ObjectMapper to leave hidden fields out of record views while a {@link
 * FieldMask} is current (responses, shaped lists). Without a current mask it writes everything, so
 * history and events are stored whole and masked when read.
 */
@Singleton
public class FieldMaskSerialization implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(
        new SimpleModule("field-mask")
            .setSerializerModifier(
                new BeanSerializerModifier() {
                  @Override
                  public List<BeanPropertyWriter> changeProperties(
                      SerializationConfig config,
                      BeanDescription description,
                      List<BeanPropertyWriter> properties) {
                    Class<?> type = description.getBeanClass();
                    if (!Versioned.class.isAssignableFrom(type)) {
                      return properties;
                    }
                    List<BeanPropertyWriter> out = new ArrayList<>(properties.size());
                    properties.forEach(p -> out.add(new Masked(p, type)));
                    return out;
                  }
                }));
  }

  /** A property that is skipped when the current mask hides it. */
  static final class Masked extends BeanPropertyWriter {
    private final Class<?> view;

    Masked(BeanPropertyWriter base, Class<?> view) {
      super(base);
      this.view = view;
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider)
        throws Exception {
      FieldMask mask = FieldMask.current();
      if (mask != null
          && (mask.hides(view, getName())
              || (bean instanceof WithheldFields w && w.hiddenFields().contains(getName())))) {
        return;
      }
      super.serializeAsField(bean, gen, provider);
    }
  }
}
