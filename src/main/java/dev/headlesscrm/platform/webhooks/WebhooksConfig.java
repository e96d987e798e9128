package dev.headlesscrm.platform.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of webhook delivery ({@code crm.webhooks.*}). */
@ConfigMapping(prefix = "crm.webhooks")
public interface WebhooksConfig {

  /** How often fan-out and the sender look for work; 0 turns both off (tests drive them). */
  @WithDefault("500ms")
  Duration pollInterval();

  /** An answer must be complete within this; a slower one is a failed attempt. */
  @WithDefault("15s")
  Duration timeout();

  /** The first retry comes about this long after a failure; each next one four times later. */
  @WithDefault("30s")
  Duration firstRetry();

  /** Retries are never further apart than this. */
  @WithDefault("12h")
  Duration maxRetryInterval();

  /** A delivery is retried until this long after its first attempt, then given up (FAILED). */
  @WithDefault("3d")
  Duration retryFor();

  /**
   * A subscription is disabled when its endpoint has failed at least {@link #disableAfterFailures}
   * attempts in a row over at least this long, with a {@code webhook.disabled} event.
   */
  @WithDefault("3d")
  Duration disableAfter();

  /** See {@link #disableAfter}. */
  @WithDefault("20")
  int disableAfterFailures();

  /** Deliveries and their attempts are kept this long (the delivery log). */
  @WithDefault("30d")
  Duration logRetention();

  /** At most this many deliveries are sent at once by one replica. */
  @WithDefault("8")
  int concurrency();

  /** At most this many deliveries of one subscription are in flight at once, over all replicas. */
  @WithDefault("4")
  int perSubscriptionConcurrency();

  /**
   * Allow targets on loopback, link-local and private addresses. Off in production: a webhook must
   * not become a way into the service's own network.
   */
  @WithDefault("false")
  boolean allowPrivateTargets();

  /** Refuse plain http targets: payloads carry customer data, signed but readable on the wire. */
  @WithDefault("true")
  boolean requireHttps();
}
