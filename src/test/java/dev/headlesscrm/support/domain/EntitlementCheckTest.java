package dev.headlesscrm.support.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which term entitles a request: coverage, period, channel, what is left, and blocking. */
class EntitlementCheckTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final UUID GOODS = new UUID(1, 1);
  static final UUID PRODUCT = new UUID(2, 2);
  static final UUID CONTACT = new UUID(3, 3);

  static ServiceContract contract(String number, LocalDate endsOn, EntitlementTerm... terms) {
    ServiceContract c = new ServiceContract();
    c.id = UUID.randomUUID();
    c.number = number;
    c.startsOn = TODAY.minusDays(30);
    c.endsOn = endsOn;
    c.terms = List.of(terms);
    return c;
  }

  static EntitlementTerm cases(String channel, int quantity, int used) {
    return new EntitlementTerm(
        UUID.randomUUID(),
        EntitlementUnit.CASES,
        channel,
        BigDecimal.valueOf(quantity),
        BigDecimal.valueOf(used));
  }

  static Optional<EntitlementCheck.Choice> check(String channel, ServiceContract... contracts) {
    return EntitlementCheck.choose(
        List.of(contracts), new EntitlementCheck.Facts(GOODS, PRODUCT, CONTACT, channel, TODAY));
  }

  @Test
  void aTermOnTheRequestsChannelComesBeforeOneOnAnyChannel() {
    EntitlementTerm any = cases(null, 5, 0);
    EntitlementTerm phone = cases("PHONE", 5, 0);
    ServiceContract c = contract("A", TODAY.plusDays(10), any, phone);
    assertEquals(phone, check("PHONE", c).orElseThrow().term());
    assertEquals(any, check("EMAIL", c).orElseThrow().term());
  }

  @Test
  void theContractEndingFirstIsSpentFirstAndUsedUpTermsAreSkipped() {
    ServiceContract later = contract("B", TODAY.plusDays(100), cases(null, 5, 0));
    ServiceContract sooner = contract("A", TODAY.plusDays(10), cases(null, 5, 0));
    assertEquals(sooner, check("PHONE", later, sooner).orElseThrow().contract());
    sooner.terms = List.of(cases(null, 5, 5));
    assertEquals(later, check("PHONE", later, sooner).orElseThrow().contract());
  }

  @Test
  void contractsOutOfTheirPeriodInactiveOrNotCoveringEntitleNothing() {
    ServiceContract ended = contract("A", TODAY.minusDays(1), cases(null, 5, 0));
    assertTrue(check("PHONE", ended).isEmpty());
    ServiceContract inactive = contract("B", TODAY.plusDays(5), cases(null, 5, 0));
    inactive.active = false;
    assertTrue(check("PHONE", inactive).isEmpty());
    ServiceContract otherGoods = contract("C", TODAY.plusDays(5), cases(null, 5, 0));
    otherGoods.goodsIds = List.of(new UUID(9, 9));
    assertTrue(check("PHONE", otherGoods).isEmpty());
    ServiceContract ourProduct = contract("D", TODAY.plusDays(5), cases(null, 5, 0));
    ourProduct.productIds = List.of(PRODUCT);
    ourProduct.contactIds = List.of(CONTACT);
    assertTrue(check("PHONE", ourProduct).isPresent());
    // The last day of the period still counts.
    assertTrue(check("PHONE", contract("E", TODAY, cases(null, 1, 0))).isPresent());
  }

  @Test
  void usedUpTermsBlockOnlyWhenEveryCoveringContractSaysSo() {
    ServiceContract blocking = contract("A", TODAY.plusDays(5), cases(null, 2, 2));
    blocking.blockWhenExhausted = true;
    EntitlementCheck.Choice alone = check("PHONE", blocking).orElseThrow();
    assertTrue(alone.exhausted());
    assertTrue(alone.blocks());
    ServiceContract lenient = contract("B", TODAY.plusDays(50), cases(null, 1, 1));
    EntitlementCheck.Choice both = check("PHONE", blocking, lenient).orElseThrow();
    assertTrue(both.exhausted());
    assertFalse(both.blocks());
  }

  @Test
  void aCaseNeedsAWholeCaseLeftAndHoursAnyHourLeft() {
    EntitlementTerm half =
        new EntitlementTerm(
            UUID.randomUUID(), EntitlementUnit.CASES, null, new BigDecimal("1.5"), BigDecimal.ONE);
    assertFalse(half.hasLeft());
    EntitlementTerm hours =
        new EntitlementTerm(
            UUID.randomUUID(), EntitlementUnit.HOURS, null, BigDecimal.TEN, new BigDecimal("9.75"));
    assertTrue(hours.hasLeft());
    assertFalse(hours.withUsed(BigDecimal.TEN).hasLeft());
    assertEquals(new BigDecimal("-2"), hours.withUsed(new BigDecimal("12")).remaining());
  }
}
