package dev.headlesscrm.platform.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried next: exponential back-off (the first retry after {@code first},
 * each next one four times later, never more than {@code max} apart), with ±25 % jitter so that the
 * deliveries of an endpoint that was down do not all come back at once; a receiver's {@code
 * Retry-After} is honoured as a minimum. Past {@code retryFor} after the first attempt, no retry.
 */
public record RetrySchedule(Duration first, Duration max, Duration retryFor) {

  /** A {@code Retry-After} longer than this is taken as this (a day). */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

  /**
   * The next attempt after {@code attempts} failed ones, or empty when the delivery is given up.
   *
   * @param retryAfter the receiver's Retry-After, when it sent one
   */
  public Optional<Instant> next(
      int attempts,
      Instant firstAttemptAt,
      Instant now,
      Optional<Duration> retryAfter,
      RandomGenerator random) {
    Instant giveUpAt = firstAttemptAt.plus(retryFor);
    if (!now.isBefore(giveUpAt)) {
      return Optional.empty();
    }
    long base = first.toMillis();
    for (int i = 1; i < attempts && base < max.toMillis(); i++) {
      base *= 4;
    }
    base = Math.min(base, max.toMillis());
    long jitter = (long) (base * 0.25 * (2 * random.nextDouble() - 1));
    long delay = Math.max(1, base + jitter);
    if (retryAfter.isPresent()) {
      delay = Math.max(delay, retryAfter.get().toMillis());
    }
    Instant next = now.plusMillis(delay);
    // The last try comes when the window closes, not a whole interval past it.
    return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
  }

  /** A Retry-After header: delay-seconds or an HTTP date; empty when absent or unreadable. */
  public static Optional<Duration> retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        wait =
            Duration.between(
                now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
    if (wait.isNegative()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
  }
}
