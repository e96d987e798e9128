package dev.headlesscrm.sales.shared.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small conversions the sales views share. */
public final class SalesValues {
  private SalesValues() {}

  /** Custom fields are text values keyed by name. */
  public static Map<String, String> custom(Map<String, Object> stored) {
    Map<String, String> out = new LinkedHashMap<>();
    if (stored != null) {
      stored.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    }
    return out;
  }

  public static Map<String, Object> stored(Map<String, String> custom) {
    return custom == null ? new LinkedHashMap<>() : new LinkedHashMap<>(custom);
  }

  public static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** An amount with the document's decimal places, rounded half up (null stays null). */
  public static BigDecimal money(BigDecimal value, int scale) {
    return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
  }
}
