package dev.headlesscrm.platform.records;

import static dev.headlesscrm.platform.api.CollectionNames.words;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.Field;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * What the usual constraints of a declared resource mean, derived from its declaration: {@code
 * <table>_<column>_key} (PostgreSQL's name for a unique constraint, and the house name for a unique
 * index) is a duplicate of that field, {@code <table>_<column>_check} an invalid value of it. A
 * context declares only the constraints these names do not cover ({@link ConstraintProblems}); its
 * own declaration wins.
 */
@ApplicationScoped
public class ResourceConstraints implements ConstraintProblems {

  @Inject ResourceRegistry registry;

  @Override
  public boolean derived() {
    return true;
  }

  @Override
  public Map<String, Meaning> constraints() {
    Map<String, Meaning> out = new HashMap<>();
    for (ResourceSpec spec : registry.all()) {
      String noun = words(spec.name().replace('-', ' '));
      for (Field field : spec.fields().values()) {
        if (field.column().contains("{t}") || field.name().equals("id")) {
          continue;
        }
        String label = spec.labels().getOrDefault(field.name(), field.name());
        String prefix = spec.table() + "_" + field.column();
        out.put(
            prefix + "_key",
            Meaning.duplicate(
                field.name(),
                Text.of(
                    "Another " + noun + " already has this " + field.name() + " (it is unique).",
                    "已有其他记录使用了相同的" + label + "（该字段要求唯一）。")));
        out.put(
            prefix + "_check",
            Meaning.invalidReference(
                field.name(),
                Text.of(
                    "This " + field.name() + " is outside the values allowed.",
                    label + "的值超出允许范围。")));
      }
    }
    return out;
  }
}
