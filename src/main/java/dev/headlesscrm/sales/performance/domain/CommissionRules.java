package dev.headlesscrm.sales.performance.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which commission rule applies, and at what rate. A rule fits a sale when it is active, on the
 * sale's basis, for everyone or the seller, and for every product or the product's category or a
 * category above it. Among the rules that fit, the most specific wins: employee and category, then
 * employee, then category, then the default (neither); among category rules the nearest category;
 * then the higher priority; then the older rule. A tiered rule's rate is that of the highest tier
 * the period total reaches (the whole total at that rate, 全额累进), its base rate below the first
 * tier.
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

    /**
     * Whether the rule applies to this employee's sale of a product in these categories (the
     * product's own first, then those above it; empty when it has none).
     */
    public boolean fits(CommissionBasis on, UUID employee, List<UUID> categories) {
      return active
          && basis == on
          && (employeeId == null || employeeId.equals(employee))
          && (productCategoryId == null || categories.contains(productCategoryId));
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

  /** The rule for an employee's sale of a product in these categories (nearest first). */
  public static Optional<Rule> select(
      List<Rule> rules, CommissionBasis basis, UUID employee, List<UUID> categories) {
    Comparator<Rule> precedence =
        Comparator.comparingInt(Rule::specificity)
            .reversed()
            .thenComparingInt(
                r -> r.productCategoryId() == null ? 0 : categories.indexOf(r.productCategoryId()))
            .thenComparing(Comparator.comparingInt(Rule::priority).reversed())
            .thenComparing(Rule::id);
    return rules.stream().filter(r -> r.fits(basis, employee, categories)).min(precedence);
  }
}
