package dev.headlesscrm.platform.export;

import java.util.Objects;

/**
 * One column of an export: {@code key} is the field the values come from (for the caller's
 * bookkeeping, e.g. field permissions), {@code header} is what the first row shows, already in the
 * caller's language.
 */
public record ExportColumn(String key, String header) {

  public ExportColumn {
    Objects.requireNonNull(key, "key");
    if (header == null || header.isBlank()) {
      header = key;
    }
  }

  public static ExportColumn of(String key, String header) {
    return new ExportColumn(key, header);
  }
}
