package dev.headlesscrm.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the Idempotency-Key support ({@code crm.idempotency.*}). */
@ConfigMapping(prefix = "crm.idempotency")
public interface IdempotencyConfig {

  /** How long a key is remembered after its first use; API.md §3 promises at least 24 hours. */
  @WithDefault("24h")
  Duration ttl();

  /**
   * How long an unanswered key blocks retries with 409. After that the request is presumed lost
   * (its pod died mid-way) and an identical retry may run again.
   */
  @WithDefault("5m")
  Duration inFlightTimeout();

  /** How often expired keys are deleted ({@link IdempotencyPurgeJob}). */
  @WithDefault("1h")
  Duration purgeEvery();
}
