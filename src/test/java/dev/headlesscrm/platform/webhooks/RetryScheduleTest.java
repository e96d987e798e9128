package dev.headlesscrm.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The production retry schedule: back-off with jitter for at least three days. */
class RetryScheduleTest {

  private final RetrySchedule schedule =
      new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(12), Duration.ofDays(3));
  private final Instant start = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void retriesBackOffFourfoldWithJitterUpToTwelveHours() {
    RandomGenerator middle = fixed(0.5);
    assertEquals(
        start.plusSeconds(30), schedule.next(1, start, start, Optional.empty(), middle).get());
    assertEquals(
        start.plusSeconds(120), schedule.next(2, start, start, Optional.empty(), middle).get());
    assertEquals(
        start.plus(Duration.ofHours(12)),
        schedule.next(9, start, start, Optional.empty(), middle).get());
    Instant low = schedule.next(3, start, start, Optional.empty(), fixed(0)).get();
    Instant high = schedule.next(3, start, start, Optional.empty(), fixed(0.999999)).get();
    assertEquals(start.plusSeconds(360), low, "-25 %");
    assertTrue(Duration.between(start, high).toSeconds() >= 599, "+25 %");
  }

  @Test
  void retriesGoOnForThreeDaysAndTheLastComesWhenTheWindowCloses() {
    Instant now = start;
    int attempts = 1;
    Optional<Instant> next;
    while ((next = schedule.next(attempts, start, now, Optional.empty(), fixed(0.5))).isPresent()) {
      now = next.get();
      attempts++;
    }
    assertEquals(start.plus(Duration.ofDays(3)), now, "the last attempt at the three days");
    assertTrue(attempts >= 10 && attempts <= 15, "about a dozen attempts: " + attempts);
  }

  @Test
  void retryAfterIsAMinimumInSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetrySchedule.retryAfter("120", now));
    assertEquals(
        Optional.of(Duration.ofSeconds(90)),
        RetrySchedule.retryAfter("Tue, 01 Dec 2026 00:01:30 GMT", now));
    assertEquals(Optional.of(Duration.ofDays(1)), RetrySchedule.retryAfter("999999", now));
    assertEquals(Optional.empty(), RetrySchedule.retryAfter("soon", now));
    assertEquals(
        start.plusSeconds(600),
        schedule.next(1, start, start, Optional.of(Duration.ofSeconds(600)), fixed(0.5)).get());
  }

  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }
}
