package dev.headlesscrm.platform.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The service's time, as PostgreSQL stores it (microseconds), so a value read back equals the one
 * written. Everything that stamps or measures business time (audit columns, SLA timers, warranty
 * days) reads it here, which lets a test move time through a scenario: {@link #use} and {@link
 * #reset} are for tests in the service's JVM, and nothing in the service calls them.
 */
public final class Clock {
  private static volatile java.time.Clock source = java.time.Clock.systemUTC();

  private Clock() {}

  public static Instant now() {
    return source.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Tests only: time comes from this clock until {@link #reset}. */
  public static void use(java.time.Clock clock) {
    source = clock;
  }

  /** Back to the system clock. */
  public static void reset() {
    source = java.time.Clock.systemUTC();
  }
}
