package dev.headlesscrm.platform.events;

import dev.headlesscrm.platform.persistence.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Keeps the feed to {@code crm.events.retention} (30 days by default): published events older than
 * that are deleted in small transactions. History entries are never purged.
 *
 * <p>Age is read from the id: an event's UUID v7 carries its {@code occurred_at} to the millisecond
 * ({@link EventIds#at}), so the purge walks the primary key and needs no index of its own.
 * Unpublished events are never deleted. One replica purges at a time (advisory lock {@link
 * #LOCK_KEY}); deleting never lets a reader miss an event it has not yet read past, it only
 * shortens how far back the feed can be replayed.
 */
@ApplicationScoped
public class EventPurger {

  static final String DEFAULT_RETENTION = "30d";
  static final String DEFAULT_INTERVAL = "1h";

  /** "CRMPURGE" in ASCII. */
  public static final long LOCK_KEY = 0x43524D5055524745L;

  private static final Logger LOG = Logger.getLogger(EventPurger.class);

  private static final String DELETE_BATCH =
      """
      DELETE FROM events
      WHERE id IN (
          SELECT id FROM events
          WHERE id < ? AND sequence IS NOT NULL
          ORDER BY id
          LIMIT ?
          FOR UPDATE SKIP LOCKED)
      """;

  @Inject EntityManager entityManager;
  @Inject EventsConfig config;

  @Scheduled(
      identity = "crm-events-purge",
      every = "${crm.events.purge-interval:" + DEFAULT_INTERVAL + "}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void purgeScheduled() {
    try {
      int purged = purgeBefore(Clock.now().minus(config.retention()));
      if (purged > 0) {
        LOG.infof("Purged %d events older than %s", purged, config.retention());
      }
    } catch (RuntimeException e) {
      LOG.warn("Purging old events failed; the next run retries", e);
    }
  }

  /**
   * Deletes the published events that occurred before {@code cutoff}.
   *
   * @return how many were deleted; 0 when another replica is purging
   */
  public int purgeBefore(Instant cutoff) {
    int total = 0;
    while (true) {
      int deleted = QuarkusTransaction.requiringNew().call(() -> deleteBatch(cutoff));
      if (deleted < 0) {
        return total;
      }
      total += deleted;
      if (deleted < config.purgeBatchSize()) {
        return total;
      }
    }
  }

  private int deleteBatch(Instant cutoff) {
    return entityManager
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement lock =
                  connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet result = lock.executeQuery()) {
                  result.next();
                  if (!result.getBoolean(1)) {
                    return -1;
                  }
                }
              }
              try (PreparedStatement delete = connection.prepareStatement(DELETE_BATCH)) {
                delete.setObject(1, EventIds.lowerBound(cutoff));
                delete.setInt(2, config.purgeBatchSize());
                return delete.executeUpdate();
              }
            });
  }
}
