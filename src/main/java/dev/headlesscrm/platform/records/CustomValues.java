package dev.headlesscrm.platform.records;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks the custom values of a record on every write path, implemented by the custom field
 * catalogue. Values are text keyed by custom field; the check replaces each by its canonical text.
 */
public interface CustomValues {

  /**
   * Validates the values a write leaves in {@code after} against the resource's definitions, given
   * the stored {@code before} (empty on create). Changes {@code after} in place to the canonical
   * values; a 422 naming {@code custom.<key>} for each bad one.
   */
  void check(
      String resource,
      UUID id,
      Map<String, Object> before,
      Map<String, Object> after,
      boolean creating);

  /** The keys exports add as {@code custom.<key>} columns, with their headers, in order. */
  List<Map.Entry<String, String>> columns(String resource, boolean chinese);
}
