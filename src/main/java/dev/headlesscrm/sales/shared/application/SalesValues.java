package dev.headlesscrm.sales.shared.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
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

  /** Amounts are stored as numeric(18, 6): twelve integer digits. */
  private static final BigDecimal STORABLE = BigDecimal.TEN.pow(12);

  /**
   * The computed amount itself, when it fits its column; else a 422 naming the field. Each factor
   * of a line is checked on input, but a product or a sum of storable values need not be.
   */
  public static BigDecimal storable(BigDecimal amount, String field) {
    if (amount != null && amount.abs().compareTo(STORABLE) >= 0) {
      throw CrmException.invalidField(
          field,
          "out-of-range",
          Text.of(
              "The computed amount is too large to store (at most 12 integer digits).",
              "计算出的金额过大，无法保存（整数部分最多 12 位）。"));
    }
    return amount;
  }
}
