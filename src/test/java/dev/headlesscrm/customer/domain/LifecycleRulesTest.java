package dev.headlesscrm.customer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lifecycle stage derivation, thresholds new 90, loyal 3, at risk 90, lost 365 days. */
class LifecycleRulesTest {

  static final LifecycleRules.Thresholds T = new LifecycleRules.Thresholds(90, 3, 90, 365);
  static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  static Instant ago(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  static LifecycleStage stage(
      int deals, Instant first, Instant won, Instant followUp, Instant paid) {
    return LifecycleRules.stage(
        new LifecycleRules.Facts(deals, first, won, followUp, paid), T, NOW);
  }

  @Test
  void neverWonIsAProspectHoweverQuiet() {
    assertEquals(LifecycleStage.PROSPECT, stage(0, null, null, null, null));
    assertEquals(LifecycleStage.PROSPECT, stage(0, null, null, ago(1000), null));
  }

  @Test
  void aFirstDealMakesItNewThenActive() {
    assertEquals(LifecycleStage.NEW, stage(1, ago(10), ago(10), null, null));
    assertEquals(LifecycleStage.NEW, stage(1, ago(89), ago(89), ago(1), null));
    assertEquals(LifecycleStage.ACTIVE, stage(1, ago(90), ago(90), ago(1), null));
  }

  @Test
  void enoughDealsMakeItLoyalWhileItIsNotQuiet() {
    assertEquals(LifecycleStage.LOYAL, stage(3, ago(400), ago(5), null, null));
    assertEquals(LifecycleStage.LOYAL, stage(3, ago(10), ago(5), null, null), "loyal before new");
    assertEquals(LifecycleStage.AT_RISK, stage(5, ago(400), ago(100), null, null));
  }

  @Test
  void quietByTheLatestOfFollowUpDealAndPayment() {
    assertEquals(LifecycleStage.AT_RISK, stage(1, ago(200), ago(200), ago(90), ago(95)));
    assertEquals(LifecycleStage.ACTIVE, stage(1, ago(200), ago(200), ago(120), ago(89)));
    assertEquals(LifecycleStage.LOST, stage(1, ago(500), ago(500), ago(365), null));
    assertEquals(LifecycleStage.AT_RISK, stage(1, ago(500), ago(500), ago(364), null));
  }
}
