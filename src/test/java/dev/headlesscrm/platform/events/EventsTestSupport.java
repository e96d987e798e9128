package dev.headlesscrm.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;

/** Looks into the change log's tables, and holds the publisher back, for tests. */
@ApplicationScoped
public class EventsTestSupport {

  @Inject EntityManager entityManager;

  /** A resource name no other test uses, so a type pattern selects only this test's events. */
  public static String uniqueResource(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** The highest published sequence (0 when none). */
  public long head() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery("SELECT coalesce(max(sequence), 0) FROM events")
                            .getSingleResult())
                    .longValue());
  }

  /** Runs a statement in its own transaction (for moving time-bound data into the past). */
  public int execute(String sql, Object... params) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query = entityManager.createNativeQuery(sql);
              for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
              }
              return query.executeUpdate();
            });
  }

  public long countEvents(UUID resourceId) {
    return count("SELECT count(*) FROM events WHERE resource_id = :id", resourceId);
  }

  public long countUnpublished(UUID resourceId) {
    return count(
        "SELECT count(*) FROM events WHERE resource_id = :id AND sequence IS NULL", resourceId);
  }

  public long countHistory(UUID resourceId) {
    return count("SELECT count(*) FROM history_entries WHERE resource_id = :id", resourceId);
  }

  /** Counts in the caller's transaction, or in a new one when there is none. */
  private long count(String sql, UUID resourceId) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(sql)
                            .setParameter("id", resourceId)
                            .getSingleResult())
                    .longValue());
  }

  /** The events of a record, in id (append) order, with their sequence (null: unpublished). */
  public List<Object[]> events(UUID resourceId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  entityManager
                      .createNativeQuery(
                          "SELECT id, type, version, sequence FROM events"
                              + " WHERE resource_id = :id ORDER BY id")
                      .setParameter("id", resourceId)
                      .getResultList();
              return rows;
            });
  }

  /**
   * Holds the publisher's advisory lock in a transaction on another thread until closed, as a
   * publisher on another replica would: meanwhile nothing gets published.
   */
  public AutoCloseable holdPublisherLock() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          entityManager
                              .unwrap(Session.class)
                              .doWork(
                                  connection -> {
                                    try (PreparedStatement lock =
                                        connection.prepareStatement(
                                            "SELECT pg_advisory_xact_lock(?)")) {
                                      lock.setLong(1, EventPublisher.LOCK_KEY);
                                      lock.executeQuery().close();
                                    }
                                  });
                          held.countDown();
                          try {
                            release.await(60, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        }),
            "publisher-lock-holder");
    holder.start();
    if (!held.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Could not take the publisher lock");
    }
    return () -> {
      release.countDown();
      holder.join(30_000);
    };
  }
}
