package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.sales.performance.domain.CommissionTier;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a tiered commission rate: from this period total on, this rate. */
@Type("CommissionTier")
@Schema(name = "CommissionTier")
public record CommissionTierView(BigDecimal from, BigDecimal rate) {

  static CommissionTierView of(CommissionTier t) {
    return new CommissionTierView(t.from(), t.rate());
  }
}
