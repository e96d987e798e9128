package dev.headlesscrm.platform.timeline;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A customer's sales figures for its summary, as the caller may see them (their data scope over the
 * sales records; a figure built from a hidden field is null). Implemented by the sales context.
 */
public interface CustomerSalesFigures {

  Figures of(UUID customerId);

  /**
   * @param openOpportunities open opportunities (商机) of the customer
   * @param amounts their amounts and the contracts' per currency (never summed across currencies),
   *     the default currency's always among them
   */
  record Figures(long openOpportunities, java.util.List<Amounts> amounts) {}

  /**
   * One currency's sums; a figure built from a field hidden from the caller, or of a record kind
   * they may not read, is null.
   *
   * @param currency ISO 4217 code
   * @param openAmount open opportunities' amounts
   * @param weightedAmount each open amount times its stage's win probability
   * @param contractTotal approved, active and completed contracts' amounts
   * @param received approved payments against them
   * @param outstanding contract total less received
   * @param overdue the unreceived part of plan periods past due
   */
  record Amounts(
      String currency,
      BigDecimal openAmount,
      BigDecimal weightedAmount,
      BigDecimal contractTotal,
      BigDecimal received,
      BigDecimal outstanding,
      BigDecimal overdue) {}
}
