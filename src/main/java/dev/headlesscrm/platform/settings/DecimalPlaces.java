package dev.headlesscrm.platform.settings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Amounts rounded HALF_UP to the decimal places the system parameters set ({@code
 * decimal-places.product}, {@code .quote}, {@code .order}, {@code .contract}). Each setting is read
 * once per request, so a list of 500 rows or a batch of 1,000 writes costs one query, and a change
 * applies from the next request on.
 */
@RequestScoped
public class DecimalPlaces {

  @Inject SettingsService settings;

  private final Map<Setting, Integer> read = new EnumMap<>(Setting.class);

  /** The decimal places a setting keeps now. */
  public int of(Setting setting) {
    if (setting.kind() != Setting.Kind.INTEGER || !setting.key().startsWith("decimal-places.")) {
      throw new IllegalArgumentException(setting + " is not a decimal-places setting");
    }
    return read.computeIfAbsent(setting, s -> settings.value(s).intValue());
  }

  /** The amount with exactly the setting's decimal places (HALF_UP); null stays null. */
  public BigDecimal round(Setting setting, BigDecimal amount) {
    return amount == null ? null : amount.setScale(of(setting), RoundingMode.HALF_UP);
  }
}
