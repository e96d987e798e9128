package dev.headlesscrm.customer.application;

import java.util.LinkedHashMap;
import java.util.Map;

/** Custom fields are text values keyed by name (what custom.<key> filters compare). */
final class CustomFieldValues {
  private CustomFieldValues() {}

  static Map<String, String> of(Map<String, Object> stored) {
    Map<String, String> out = new LinkedHashMap<>();
    if (stored != null) {
      stored.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    }
    return out;
  }
}
