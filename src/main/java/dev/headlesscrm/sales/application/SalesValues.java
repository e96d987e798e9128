package dev.headlesscrm.sales.application;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small conversions the sales views share. */
final class SalesValues {
  private SalesValues() {}

  /** Custom fields are text values keyed by name. */
  static Map<String, String> custom(Map<String, Object> stored) {
    Map<String, String> out = new LinkedHashMap<>();
    if (stored != null) {
      stored.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    }
    return out;
  }

  static Map<String, Object> stored(Map<String, String> custom) {
    return custom == null ? new LinkedHashMap<>() : new LinkedHashMap<>(custom);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
