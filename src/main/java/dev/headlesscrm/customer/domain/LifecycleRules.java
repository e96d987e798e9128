package dev.headlesscrm.customer.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * 客户生命周期, derived: never won → PROSPECT; won, then by the time since the last activity (a
 * follow-up, a won deal or a payment): LOST past {@code lostDays}, AT_RISK past {@code atRiskDays};
 * otherwise LOYAL from {@code loyalDeals} won deals, NEW within {@code newDays} of the first won
 * deal, else ACTIVE.
 */
public final class LifecycleRules {
  private LifecycleRules() {}

  /** What the stage is derived from. */
  public record Facts(
      int wonDeals,
      Instant firstWonAt,
      Instant lastWonAt,
      Instant lastFollowUpAt,
      Instant lastPaymentAt) {}

  /** The thresholds (system parameters lifecycle.*). */
  public record Thresholds(int newDays, int loyalDeals, int atRiskDays, int lostDays) {}

  public static LifecycleStage stage(Facts f, Thresholds t, Instant now) {
    if (f.wonDeals() <= 0) {
      return LifecycleStage.PROSPECT;
    }
    Instant last = latest(latest(f.lastFollowUpAt(), f.lastWonAt()), f.lastPaymentAt());
    long quietDays = last == null ? Long.MAX_VALUE : Duration.between(last, now).toDays();
    if (quietDays >= t.lostDays()) {
      return LifecycleStage.LOST;
    }
    if (quietDays >= t.atRiskDays()) {
      return LifecycleStage.AT_RISK;
    }
    if (f.wonDeals() >= t.loyalDeals()) {
      return LifecycleStage.LOYAL;
    }
    if (f.firstWonAt() != null && Duration.between(f.firstWonAt(), now).toDays() < t.newDays()) {
      return LifecycleStage.NEW;
    }
    return LifecycleStage.ACTIVE;
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
