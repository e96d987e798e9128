package dev.headlesscrm.platform.events;

import dev.headlesscrm.platform.persistence.RepeatingTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events by giving them their feed {@code sequence}, in commit order.
 *
 * <p>Why a separate step, and why it is safe: appending transactions cannot number their own
 * events, because they commit in a different order than they start. If T1 took sequence 7, T2 took
 * 8 and T2 committed first, a reader could read 8, remember "after=8", and never see 7 when T1
 * commits. So events are appended with a NULL sequence, and this publisher numbers them later:
 *
 * <ol>
 *   <li>Its UPDATE runs under READ COMMITTED with a fresh snapshot, so it can only see (and number)
 *       events whose transactions have already committed. An event still in flight gets its number
 *       in a later run.
 *   <li>Only one publisher runs at a time, across all replicas: each run holds the transaction
 *       advisory lock {@link #LOCK_KEY}. PostgreSQL makes a commit visible before it releases the
 *       transaction's locks, so the next run starts only after the previous run's numbers are
 *       visible, and {@code nextval} gives it larger numbers than any handed out before.
 *   <li>A run's numbers become visible at once, when it commits.
 * </ol>
 *
 * Hence, once a reader sees sequence N, every event that will ever carry a sequence below N is
 * already visible to it: a later reader never finds a new event below a sequence it already read.
 * Sequences increase but may have gaps (a rolled-back run spends its numbers).
 *
 * <p>Within one run, events are numbered in id order (UUID v7, roughly append time), except that
 * the events of one record keep their version order among the positions that record's events
 * occupy, so a clock skew between replicas can never reorder a record's own changes.
 *
 * <p>Latency: an event is published within about one {@code crm.events.publish-interval} (250 ms by
 * default) after its transaction commits. Tests call {@link #publishPending()} instead of waiting.
 */
@ApplicationScoped
public class EventPublisher {

  static final String DEFAULT_INTERVAL = "250ms";

  /** The advisory lock that makes publishing single-file: "CRMEVENT" in ASCII. */
  public static final long LOCK_KEY = 0x43524D4556454E54L;

  private static final Logger LOG = Logger.getLogger(EventPublisher.class);

  /**
   * Numbers at most {@code ?} unpublished committed events. SKIP LOCKED only matters if a row is
   * locked by something else (nothing in the platform locks unpublished events): the run then
   * leaves it to the next run instead of waiting. The window functions pair the sorted batch with
   * the same count of fresh sequence values, sorted, so the order never depends on the plan.
   */
  private static final String NUMBER_BATCH =
      """
      WITH pending AS (
          SELECT id, resource, resource_id, version
          FROM events
          WHERE sequence IS NULL
          ORDER BY id
          LIMIT ?
          FOR UPDATE SKIP LOCKED
      ),
      slots AS (
          SELECT id, resource, resource_id, version, row_number() OVER (ORDER BY id) AS slot
          FROM pending
      ),
      by_version AS (
          SELECT id, resource, resource_id,
                 row_number() OVER (PARTITION BY resource, resource_id ORDER BY version, id) AS k
          FROM slots
      ),
      by_slot AS (
          SELECT slot, resource, resource_id,
                 row_number() OVER (PARTITION BY resource, resource_id ORDER BY slot) AS k
          FROM slots
      ),
      placed AS (
          SELECT v.id, s.slot
          FROM by_version v
          JOIN by_slot s USING (resource, resource_id, k)
      ),
      numbers AS (
          SELECT n, row_number() OVER (ORDER BY n) AS slot
          FROM (SELECT nextval('event_sequence') AS n FROM pending) fresh
      )
      UPDATE events e
      SET sequence = numbers.n
      FROM placed JOIN numbers USING (slot)
      WHERE e.id = placed.id
      """;

  @Inject EntityManager entityManager;
  @Inject EventsConfig config;

  private RepeatingTask task;

  /**
   * Runs the publisher every {@code crm.events.publish-interval} on one thread of its own ({@link
   * RepeatingTask}). A zero interval turns the background run off (only {@link #publishPending()}
   * publishes then).
   */
  void start(@Observes StartupEvent startup) {
    if (config.publishInterval().toMillis() <= 0) {
      LOG.info("The event publisher is off (crm.events.publish-interval=0)");
      return;
    }
    task =
        new RepeatingTask(
            "crm-event-publisher",
            "Publishing events",
            config.publishInterval(),
            LOG,
            () -> {
              int published = publish(false);
              if (published > 0) {
                LOG.debugf("Published %d events", published);
              }
            });
    task.start();
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    if (task != null) {
      task.stop(java.time.Duration.ofSeconds(10));
    }
  }

  /**
   * Publishes, now and on this thread, every event committed before the call, waiting for another
   * replica's run if one holds the lock. For tests and tools; the scheduled job does this anyway.
   *
   * @return how many events this call published
   */
  public int publishPending() {
    return publish(true);
  }

  private int publish(boolean wait) {
    int total = 0;
    while (true) {
      int published = QuarkusTransaction.requiringNew().call(() -> publishBatch(wait));
      if (published < 0) {
        return total; // another replica is publishing
      }
      total += published;
      if (published < config.publishBatchSize()) {
        return total;
      }
    }
  }

  /** One run in the current transaction; -1 when another publisher holds the lock. */
  private int publishBatch(boolean wait) {
    return entityManager
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              String lock =
                  wait ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_try_advisory_xact_lock(?)";
              try (PreparedStatement acquire = connection.prepareStatement(lock)) {
                acquire.setLong(1, LOCK_KEY);
                try (ResultSet result = acquire.executeQuery()) {
                  result.next();
                  if (!wait && !result.getBoolean(1)) {
                    return -1;
                  }
                }
              }
              try (PreparedStatement number = connection.prepareStatement(NUMBER_BATCH)) {
                number.setInt(1, config.publishBatchSize());
                return number.executeUpdate();
              }
            });
  }
}
