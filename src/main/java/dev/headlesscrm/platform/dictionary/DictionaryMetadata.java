package dev.headlesscrm.platform.dictionary;

import dev.headlesscrm.platform.metadata.DictionaryOptions;
import dev.headlesscrm.platform.metadata.FieldMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Dictionaries as field options in metadata. A field's allowed values are no secret to whoever may
 * fill it in, so no dictionary read permission is asked here.
 */
@ApplicationScoped
public class DictionaryMetadata implements DictionaryOptions {

  @Inject DictionaryRepository dictionaries;

  @Override
  public List<FieldMetadata.Option> options(String kind) {
    return dictionaries.entries(kind).stream()
        .map(
            row ->
                new FieldMetadata.Option(
                    (String) row[0], (String) row[1], (String) row[2], (Boolean) row[4]))
        .toList();
  }
}
