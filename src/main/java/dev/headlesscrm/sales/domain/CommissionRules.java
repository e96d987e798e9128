package dev.headlesscrm.sales.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which commission rule applies, and at what rate. Among the active rules of the basis that fit the
 * employee and the product category, the most specific wins: employee and category, then employee,
 * then category, then the default (neither); among equally specific ones the higher priority, then
 * the older rule. A tiered rule's rate is that of the highest tier the period total reaches (the
 * whole total at that rate, 全额累进), its base rate below the first tier.
 */
public final class CommissionRules {
  private CommissionRules() {}

  /** A rule as selection needs it. */
  public record Rule(
      UUID id,
      CommissionBasis basis,
      UUID employeeId,
      UUID productCategoryId,
      BigDecimal rate,
      List<CommissionTier> tiers,
      int priority,
      boolean active) {

    /** Whether the rule applies to this employee's sales in this category (null: none). */
    public boolean fits(CommissionBasis on, UUID employee, UUID category) {
      return active
          && basis == on
          && (employeeId == null || employeeId.equals(employee))
          && (productCategoryId == null || productCategoryId.equals(category));
    }

    /** 3 for employee and category, 2 employee, 1 category, 0 the default. */
    public int specificity() {
      return (employeeId != null ? 2 : 0) + (productCategoryId != null ? 1 : 0);
    }

    /** The rate for this period total: the highest tier reached, else the base rate. */
    public BigDecimal rateFor(BigDecimal periodTotal) {
      BigDecimal applied = rate;
      BigDecimal reached = null;
      for (CommissionTier t : tiers == null ? List.<CommissionTier>of() : tiers) {
        if (periodTotal.compareTo(t.from()) >= 0
            && (reached == null || t.from().compareTo(reached) > 0)) {
          reached = t.from();
          applied = t.rate();
        }
      }
      return applied;
    }
  }

  private static final Comparator<Rule> PRECEDENCE =
      Comparator.comparingInt(Rule::specificity)
          .thenComparingInt(Rule::priority)
          .reversed()
          .thenComparing(Rule::id);

  /** The rule for an employee's sale in a category (null when the product has none). */
  public static Optional<Rule> select(
      List<Rule> rules, CommissionBasis basis, UUID employee, UUID category) {
    return rules.stream().filter(r -> r.fits(basis, employee, category)).min(PRECEDENCE);
  }
}
