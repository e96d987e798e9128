package dev.headlesscrm.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox and the change feed ({@code crm.events.*}). */
@ConfigMapping(prefix = "crm.events")
public interface EventsConfig {

  /** How often the publisher numbers committed events: the feed's added latency. */
  @WithDefault(EventPublisher.DEFAULT_INTERVAL)
  Duration publishInterval();

  /** At most this many events are numbered per publisher transaction. */
  @WithDefault("5000")
  int publishBatchSize();

  /** Published events older than this are purged from the feed (history is kept forever). */
  @WithDefault(EventPurger.DEFAULT_RETENTION)
  Duration retention();

  /** How often the purge runs. */
  @WithDefault(EventPurger.DEFAULT_INTERVAL)
  Duration purgeInterval();

  /** At most this many events are deleted per purge transaction. */
  @WithDefault("10000")
  int purgeBatchSize();
}
