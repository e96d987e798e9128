package dev.headlesscrm.sales.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.sales.performance.domain.CommissionRules.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which commission rule applies and at what rate; what a plan period spans. */
class CommissionRulesTest {

  static final UUID ZHANG = UUID.fromString("0193a000-0000-7000-8000-0000000000e3");
  static final UUID CHEN = UUID.fromString("0193a000-0000-7000-8000-0000000000e4");
  static final UUID SOFTWARE = UUID.fromString("0193a000-0000-7000-8000-0000000000c1");
  static final UUID HARDWARE = UUID.fromString("0193a000-0000-7000-8000-0000000000c2");
  static final CommissionBasis ON_CONTRACTS = CommissionBasis.CONTRACT_AMOUNT;

  static int next = 1;

  static Rule rule(UUID employee, UUID category, String rate, int priority) {
    return new Rule(
        new UUID(0x0193a00000007000L, next++),
        ON_CONTRACTS,
        employee,
        category,
        new BigDecimal(rate),
        List.of(),
        priority,
        true);
  }

  static final UUID LICENCES = UUID.fromString("0193a000-0000-7000-8000-0000000000c3");

  /** The categories of a product: its own, then those above it (licences are software). */
  static List<UUID> of(UUID category) {
    if (category == null) {
      return List.of();
    }
    return category.equals(LICENCES) ? List.of(LICENCES, SOFTWARE) : List.of(category);
  }

  static UUID chosen(List<Rule> rules, UUID employee, UUID category) {
    return CommissionRules.select(rules, ON_CONTRACTS, employee, of(category)).orElseThrow().id();
  }

  @Test
  void theMostSpecificRuleWins() {
    Rule fallback = rule(null, null, "0.01", 9);
    Rule software = rule(null, SOFTWARE, "0.02", 0);
    Rule zhang = rule(ZHANG, null, "0.03", 0);
    Rule zhangSoftware = rule(ZHANG, SOFTWARE, "0.04", 0);
    List<Rule> all = List.of(fallback, software, zhang, zhangSoftware);
    assertEquals(zhangSoftware.id(), chosen(all, ZHANG, SOFTWARE));
    assertEquals(zhang.id(), chosen(all, ZHANG, HARDWARE));
    assertEquals(zhang.id(), chosen(all, ZHANG, null));
    assertEquals(software.id(), chosen(all, CHEN, SOFTWARE));
    assertEquals(fallback.id(), chosen(all, CHEN, HARDWARE));
    assertEquals(fallback.id(), chosen(all, CHEN, null));
  }

  @Test
  void aCategoryRuleCoversTheCategoriesBelowItAndTheNearestCategoryWins() {
    Rule software = rule(null, SOFTWARE, "0.02", 9);
    Rule fallback = rule(null, null, "0.01", 0);
    assertEquals(software.id(), chosen(List.of(fallback, software), CHEN, LICENCES));
    Rule licences = rule(null, LICENCES, "0.04", 0);
    assertEquals(licences.id(), chosen(List.of(fallback, software, licences), CHEN, LICENCES));
    assertEquals(software.id(), chosen(List.of(fallback, software, licences), CHEN, SOFTWARE));
    Rule zhangSoftware = rule(ZHANG, SOFTWARE, "0.06", 0);
    assertEquals(
        zhangSoftware.id(),
        chosen(List.of(fallback, software, licences, zhangSoftware), ZHANG, LICENCES));
  }

  @Test
  void amongEquallySpecificRulesTheHigherPriorityThenTheOlderWins() {
    Rule older = rule(null, null, "0.01", 1);
    Rule newer = rule(null, null, "0.02", 1);
    Rule urgent = rule(null, null, "0.03", 5);
    assertEquals(older.id(), chosen(List.of(newer, older), CHEN, null));
    assertEquals(urgent.id(), chosen(List.of(newer, older, urgent), CHEN, null));
  }

  @Test
  void inactiveRulesOtherBasesAndOtherEmployeesNeverApply() {
    Rule inactive =
        new Rule(UUID.randomUUID(), ON_CONTRACTS, null, null, BigDecimal.ONE, List.of(), 0, false);
    Rule onPayments =
        new Rule(
            UUID.randomUUID(),
            CommissionBasis.RECEIVED_PAYMENTS,
            null,
            null,
            BigDecimal.ONE,
            List.of(),
            0,
            true);
    Rule chens = rule(CHEN, null, "0.05", 0);
    assertTrue(
        CommissionRules.select(List.of(inactive, onPayments, chens), ON_CONTRACTS, ZHANG, List.of())
            .isEmpty());
  }

  @Test
  void aTieredRateIsTheHighestTierTheTotalReachesElseTheBaseRate() {
    Rule tiered =
        new Rule(
            UUID.randomUUID(),
            ON_CONTRACTS,
            null,
            null,
            new BigDecimal("0.01"),
            List.of(
                new CommissionTier(new BigDecimal("10000"), new BigDecimal("0.03")),
                new CommissionTier(new BigDecimal("50000"), new BigDecimal("0.05"))),
            0,
            true);
    assertEquals(new BigDecimal("0.01"), tiered.rateFor(new BigDecimal("9999.99")));
    assertEquals(new BigDecimal("0.03"), tiered.rateFor(new BigDecimal("10000")));
    assertEquals(new BigDecimal("0.03"), tiered.rateFor(new BigDecimal("49999")));
    assertEquals(new BigDecimal("0.05"), tiered.rateFor(new BigDecimal("50000")));
    assertEquals(new BigDecimal("0.05"), tiered.rateFor(new BigDecimal("1000000")));
  }

  @Test
  void periodsAreMonthsQuartersOrYears() {
    TargetPeriod month = TargetPeriod.parse("2026-11").orElseThrow();
    assertEquals(TargetPeriodKind.MONTH, month.kind());
    assertEquals(LocalDate.of(2026, 11, 1), month.from());
    assertEquals(LocalDate.of(2026, 12, 1), month.until());
    TargetPeriod quarter = TargetPeriod.parse("2026-Q4").orElseThrow();
    assertEquals(TargetPeriodKind.QUARTER, quarter.kind());
    assertEquals(LocalDate.of(2026, 10, 1), quarter.from());
    assertEquals(LocalDate.of(2027, 1, 1), quarter.until());
    TargetPeriod year = TargetPeriod.parse("2026").orElseThrow();
    assertEquals(TargetPeriodKind.YEAR, year.kind());
    assertEquals(LocalDate.of(2026, 1, 1), year.from());
    assertEquals(LocalDate.of(2027, 1, 1), year.until());
    for (String bad : new String[] {"2026-13", "2026-Q5", "26", "2026-1", "2026-11-01", ""}) {
      assertTrue(TargetPeriod.parse(bad).isEmpty(), bad);
    }
  }
}
