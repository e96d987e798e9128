package dev.headlesscrm.sales.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a commission comes to, as rules without a database. A source (a contract or a payment) is
 * split by product category in proportion to its contract's line totals, so each part meets the
 * rule of its category. A part earns basis × rate, rounded half up to the decimal places; an open
 * (calculated) commission carries what is due. Once a commission is approved or paid it is never
 * changed: a difference becomes an adjustment of the difference, and nothing is written when there
 * is none.
 */
public final class CommissionCalculation {
  private CommissionCalculation() {}

  /** A contract line as the split needs it: its product (or none) and its total. */
  public record SoldLine(UUID productId, BigDecimal total) {}

  /** The approved and paid commissions of one source under one rule: their sums, the last rate. */
  public record Settled(BigDecimal basisAmount, BigDecimal amount, BigDecimal rate) {}

  /** What an open commission should carry: a commission or an adjustment. */
  public record Due(
      CommissionKind kind, BigDecimal basisAmount, BigDecimal rate, BigDecimal amount) {}

  /**
   * A source's amount by product category (the category and those above it, nearest first; empty:
   * no category), in proportion to the contract's line totals. The whole amount goes without a
   * category when the contract has no lines or they total zero, and to the one category when there
   * is one; otherwise each part is rounded to 6 places and the last takes the rest, so the parts
   * add up exactly.
   */
  public static Map<List<UUID>, BigDecimal> split(
      BigDecimal amount, List<SoldLine> lines, Map<UUID, List<UUID>> categoryOf) {
    Map<List<UUID>, BigDecimal> weights = new LinkedHashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (SoldLine l : lines == null ? List.<SoldLine>of() : lines) {
      List<UUID> category =
          l.productId() == null ? List.of() : categoryOf.getOrDefault(l.productId(), List.of());
      weights.merge(category, l.total(), BigDecimal::add);
      total = total.add(l.total());
    }
    Map<List<UUID>, BigDecimal> parts = new LinkedHashMap<>();
    if (total.signum() == 0 || weights.size() == 1) {
      parts.put(weights.size() == 1 ? weights.keySet().iterator().next() : List.of(), amount);
      return parts;
    }
    BigDecimal left = amount;
    int i = 0;
    for (Map.Entry<List<UUID>, BigDecimal> w : weights.entrySet()) {
      BigDecimal part =
          ++i == weights.size()
              ? left
              : amount.multiply(w.getValue()).divide(total, 6, RoundingMode.HALF_UP);
      parts.put(w.getKey(), part);
      left = left.subtract(part);
    }
    return parts;
  }

  /** What a basis earns at a rate: basis × rate, rounded half up to the decimal places. */
  public static BigDecimal earned(BigDecimal basis, BigDecimal rate, int scale) {
    return basis.multiply(rate).setScale(scale, RoundingMode.HALF_UP);
  }

  /**
   * What one source under one rule should carry as an open commission.
   *
   * @param basis what the source counts for under the rule now; null when it no longer earns
   * @param rate the rule's rate for the period total; null when the source no longer earns
   * @param settled what is approved or paid already; null when nothing is
   * @return empty when nothing should be open (an open one is withdrawn)
   */
  public static Optional<Due> due(BigDecimal basis, BigDecimal rate, Settled settled, int scale) {
    BigDecimal base = basis == null ? BigDecimal.ZERO : basis;
    BigDecimal amount = basis == null ? BigDecimal.ZERO : earned(base, rate, scale);
    if (settled == null) {
      return basis == null
          ? Optional.empty()
          : Optional.of(new Due(CommissionKind.COMMISSION, base, rate, amount));
    }
    BigDecimal delta = amount.subtract(settled.amount());
    if (delta.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Due(
            CommissionKind.ADJUSTMENT,
            base.subtract(settled.basisAmount()),
            rate != null ? rate : settled.rate(),
            delta));
  }
}
