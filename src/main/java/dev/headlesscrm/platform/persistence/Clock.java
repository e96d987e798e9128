package dev.headlesscrm.platform.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as PostgreSQL stores them (microseconds), so a value read back equals the one written. */
public final class Clock {
  private Clock() {}

  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
