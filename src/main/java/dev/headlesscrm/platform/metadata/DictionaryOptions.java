package dev.headlesscrm.platform.metadata;

import java.util.List;

/**
 * The entries of a dictionary (industry, customer level...), offered as a field's options. The
 * context that keeps the dictionaries implements it; the platform only reads through it.
 */
public interface DictionaryOptions {

  /** Every entry of the kind, in display order, active or not. */
  List<FieldMetadata.Option> options(String kind);
}
