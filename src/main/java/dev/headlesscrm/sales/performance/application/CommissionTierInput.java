package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.sales.performance.domain.CommissionTier;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a tiered commission rate. */
@Input("CommissionTierInput")
@Schema(name = "CommissionTierInput")
public record CommissionTierInput(
    @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 6)
        @Schema(description = "From this period total on (inclusive)")
        BigDecimal from,
    @NotNull
        @DecimalMin("0")
        @DecimalMax("1")
        @Digits(integer = 1, fraction = 6)
        @Schema(description = "The rate for the whole period total, 0 to 1")
        BigDecimal rate) {

  CommissionTier tier() {
    return new CommissionTier(from, rate);
  }

  static CommissionTierInput of(CommissionTier t) {
    return new CommissionTierInput(t.from(), t.rate());
  }
}
