package dev.headlesscrm.sales.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.sales.performance.domain.CommissionCalculation.Due;
import dev.headlesscrm.sales.performance.domain.CommissionCalculation.Settled;
import dev.headlesscrm.sales.performance.domain.CommissionCalculation.SoldLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a commission comes to: the category split, the amount, and adjustments once settled. */
class CommissionCalculationTest {

  static final UUID SOFTWARE = UUID.fromString("0193a000-0000-7000-8000-00000000c001");
  static final UUID SERVICES = UUID.fromString("0193a000-0000-7000-8000-00000000c002");
  static final UUID LICENCE = UUID.fromString("0193a000-0000-7000-8000-00000000b001");
  static final UUID TRAINING = UUID.fromString("0193a000-0000-7000-8000-00000000b002");
  static final Map<UUID, List<UUID>> CATEGORY_OF =
      Map.of(LICENCE, List.of(SOFTWARE), TRAINING, List.of(SERVICES));

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void aSourceWithoutLinesCountsWholeAndWithoutACategory() {
    assertEquals(
        Map.of(List.of(), d("1000")), CommissionCalculation.split(d("1000"), null, CATEGORY_OF));
    assertEquals(
        Map.of(List.of(), d("1000")),
        CommissionCalculation.split(
            d("1000"), List.of(new SoldLine(LICENCE, BigDecimal.ZERO)), Map.of()));
  }

  @Test
  void linesOfOneCategoryGiveItTheWholeAmount() {
    assertEquals(
        Map.of(List.of(SOFTWARE), d("500")),
        CommissionCalculation.split(
            d("500"),
            List.of(new SoldLine(LICENCE, d("300")), new SoldLine(LICENCE, d("100"))),
            CATEGORY_OF));
  }

  @Test
  void theAmountIsSplitInProportionToTheLineTotalsAndThePartsAddUpExactly() {
    Map<List<UUID>, BigDecimal> parts =
        CommissionCalculation.split(
            d("100"),
            List.of(
                new SoldLine(LICENCE, d("1")),
                new SoldLine(TRAINING, d("1")),
                new SoldLine(null, d("1"))),
            CATEGORY_OF);
    assertEquals(d("33.333333"), parts.get(List.of(SOFTWARE)));
    assertEquals(d("33.333333"), parts.get(List.of(SERVICES)));
    assertEquals(d("33.333334"), parts.get(List.of()));
    assertEquals(
        0, d("100").compareTo(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
  }

  @Test
  void aBasisEarnsBasisTimesRateRoundedHalfUp() {
    assertEquals(d("12.35"), CommissionCalculation.earned(d("123.45"), d("0.1"), 2));
    assertEquals(d("0"), CommissionCalculation.earned(d("4"), d("0.1"), 0));
  }

  @Test
  void anUnsettledSourceCarriesItsCommissionOrNothingOnceItNoLongerEarns() {
    assertEquals(
        new Due(CommissionKind.COMMISSION, d("1000"), d("0.05"), d("50.00")),
        CommissionCalculation.due(d("1000"), d("0.05"), null, 2).orElseThrow());
    assertTrue(CommissionCalculation.due(null, null, null, 2).isEmpty());
  }

  @Test
  void aSettledCommissionIsNeverChangedADifferenceBecomesAnAdjustment() {
    Settled paid = new Settled(d("1000"), d("50.00"), d("0.05"));
    assertTrue(CommissionCalculation.due(d("1000"), d("0.05"), paid, 2).isEmpty());
    assertEquals(
        new Due(CommissionKind.ADJUSTMENT, d("200"), d("0.05"), d("10.00")),
        CommissionCalculation.due(d("1200"), d("0.05"), paid, 2).orElseThrow());
    assertEquals(
        new Due(CommissionKind.ADJUSTMENT, d("0"), d("0.08"), d("46.00")),
        CommissionCalculation.due(
                d("1200"), d("0.08"), new Settled(d("1200"), d("50.00"), d("0.05")), 2)
            .orElseThrow());
  }

  @Test
  void aSettledSourceThatNoLongerEarnsIsTakenBackAtItsOwnRate() {
    assertEquals(
        new Due(CommissionKind.ADJUSTMENT, d("-1000"), d("0.05"), d("-50.00")),
        CommissionCalculation.due(null, null, new Settled(d("1000"), d("50.00"), d("0.05")), 2)
            .orElseThrow());
  }
}
