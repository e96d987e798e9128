package dev.headlesscrm.customer.application;

import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.notifications.NotificationService;
import dev.headlesscrm.platform.persistence.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The pool's clock (公海回收): warns owners N days before their customers return, escalates to their
 * supervisor (or department manager) nearer the date, and returns the customers that are due, each
 * with its rule as the reason.
 *
 * <p>On several replicas one runs: a run holds a PostgreSQL session advisory lock, and another
 * replica that cannot take it skips its turn. Nobody is returned or warned twice even so: a warning
 * is a row keyed by customer, return date and level ({@code ON CONFLICT DO NOTHING}), and each
 * return locks its customer ({@code FOR UPDATE SKIP LOCKED}) and checks it is still owned and due.
 */
@ApplicationScoped
public class PoolReturnJob {

  private static final Logger LOG = Logger.getLogger(PoolReturnJob.class);
  private static final long LOCK_KEY = 0x504F4F4C52455455L;
  private static final int BATCH = 500;

  /** What one run did; {@code ran} false when another replica held the run. */
  public record Outcome(boolean ran, int warned, int escalated, int returned) {}

  @Inject EntityManager em;
  @Inject dev.headlesscrm.platform.persistence.OneReplica replicas;
  @Inject PoolDirectory pools;
  @Inject CustomerService customers;
  @Inject NotificationService notifications;

  @Scheduled(
      identity = "pool-returns",
      every = "${crm.pool.return-every:5m}",
      delayed = "${crm.pool.return-delay:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    Outcome outcome = run(Clock.now());
    if (outcome.warned() + outcome.escalated() + outcome.returned() > 0) {
      LOG.infof(
          "Pool returns: %d warned, %d escalated, %d returned",
          outcome.warned(), outcome.escalated(), outcome.returned());
    }
  }

  /** One run as of {@code at} (the scheduler passes now; tests move the clock). */
  public Outcome run(Instant at) {
    return replicas
        .run(
            LOCK_KEY,
            () -> {
              int warned = 0;
              int escalated = 0;
              for (PoolDirectory.Pool pool : QuarkusTransaction.requiringNew().call(pools::all)) {
                if (!pool.active()) {
                  continue;
                }
                warned += QuarkusTransaction.requiringNew().call(() -> warn(pool, at, 1));
                escalated += QuarkusTransaction.requiringNew().call(() -> warn(pool, at, 2));
              }
              return new Outcome(true, warned, escalated, returnDue(at));
            })
        .orElse(new Outcome(false, 0, 0, 0));
  }

  /**
   * Level 1 warns the owner {@code warnDaysBefore} days ahead; level 2 the owner's supervisor (else
   * their department's manager) {@code escalateDaysBefore} days ahead. Each once per return date.
   */
  int warn(PoolDirectory.Pool pool, Instant at, int level) {
    int days = level == 1 ? pool.warnDaysBefore() : pool.escalateDaysBefore();
    if (days <= 0) {
      return 0;
    }
    String recipient =
        level == 1
            ? "c.owner_id"
            : "(SELECT COALESCE(s.id, CASE WHEN m.id <> c.owner_id THEN m.id END)"
                + " FROM employees e"
                + " LEFT JOIN employees s ON s.id = e.supervisor_id AND s.status = 'ACTIVE'"
                + " AND s.deleted_at IS NULL"
                + " LEFT JOIN departments d ON d.id = e.department_id"
                + " LEFT JOIN employees m ON m.id = d.manager_id AND m.status = 'ACTIVE'"
                + " AND m.deleted_at IS NULL"
                + " WHERE e.id = c.owner_id)";
    @SuppressWarnings("unchecked")
    List<Object[]> sent =
        em.createNativeQuery(
                "INSERT INTO customer_pool_warnings"
                    + " (customer_id, return_at, level, recipient_id, warned_at)"
                    + " SELECT x.id, x.pool_return_at, ?1, x.recipient, ?2 FROM ("
                    + " SELECT c.id, c.pool_return_at, "
                    + recipient
                    + " AS recipient FROM customers c"
                    + " WHERE c.pool_return_pool_id = ?3 AND c.pool_id IS NULL"
                    + " AND c.owner_id IS NOT NULL AND c.deleted_at IS NULL"
                    + " AND c.pool_return_at > ?4 AND c.pool_return_at <= ?5) x"
                    + " WHERE x.recipient IS NOT NULL"
                    + " ON CONFLICT DO NOTHING"
                    + " RETURNING customer_id, recipient_id, return_at")
            .setParameter(1, (short) level)
            .setParameter(2, Timestamp.from(Clock.now()))
            .setParameter(3, pool.id())
            .setParameter(4, Timestamp.from(at))
            .setParameter(5, Timestamp.from(at.plus(Duration.ofDays(days))))
            .getResultList();
    if (sent.isEmpty()) {
      return 0;
    }
    Map<UUID, Object[]> about = describe(sent.stream().map(r -> (UUID) r[0]).toList());
    for (Object[] row : sent) {
      UUID customer = (UUID) row[0];
      Object[] c = about.get(customer);
      String name = (String) c[0];
      Instant returnAt = toInstant(row[2]);
      String day = returnAt.atZone(PoolLimits.ZONE).toLocalDate().toString();
      Map<String, Object> data = new HashMap<>();
      data.put("customerName", name);
      data.put("returnAt", returnAt.toString());
      data.put("poolId", pool.id().toString());
      data.put("ownerId", String.valueOf(c[1]));
      data.put("rule", c[2]);
      data.put("level", level);
      notifications.send(
          (UUID) row[1],
          level == 1 ? "pool-warning" : "pool-escalation",
          CustomerService.RESOURCE,
          customer,
          level == 1
              ? Text.of(
                  "Customer " + name + " returns to the pool " + pool.name() + " on " + day + ".",
                  "客户 " + name + " 将于 " + day + " 回收至公海 " + pool.name() + "，请及时跟进。")
              : Text.of(
                  "Your team's customer " + name + " returns to the pool on " + day + ".",
                  "下属的客户 " + name + " 将于 " + day + " 回收至公海 " + pool.name() + "。"),
          data);
    }
    return sent.size();
  }

  private Map<UUID, Object[]> describe(List<UUID> ids) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, name, owner_id, pool_return_rule FROM customers WHERE id IN (:ids)")
            .setParameter("ids", ids)
            .getResultList();
    Map<UUID, Object[]> out = new HashMap<>();
    rows.forEach(r -> out.put((UUID) r[0], new Object[] {r[1], r[2], r[3]}));
    return out;
  }

  /** Returns every customer due at {@code at}, in batches, each in its own transaction. */
  private int returnDue(Instant at) {
    int returned = 0;
    Instant afterAt = Instant.EPOCH;
    UUID afterId = new UUID(0, 0);
    while (true) {
      Instant fromAt = afterAt;
      UUID fromId = afterId;
      List<Object[]> due =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows =
                        em.createNativeQuery(
                                "SELECT id, pool_return_at FROM customers"
                                    + " WHERE pool_return_at <= ?1 AND deleted_at IS NULL"
                                    + " AND (pool_return_at, id) > (?2, ?3)"
                                    + " ORDER BY pool_return_at, id LIMIT "
                                    + BATCH)
                            .setParameter(1, Timestamp.from(at))
                            .setParameter(2, Timestamp.from(fromAt))
                            .setParameter(3, fromId)
                            .getResultList();
                    return new ArrayList<>(rows);
                  });
      for (Object[] row : due) {
        UUID id = (UUID) row[0];
        try {
          if (customers.returnIfDue(id, at)) {
            returned++;
          }
        } catch (RuntimeException e) {
          LOG.warnf(e, "Customer %s could not be returned to its pool; the next run retries", id);
        }
      }
      if (due.size() < BATCH) {
        return returned;
      }
      Object[] last = due.get(due.size() - 1);
      afterAt = toInstant(last[1]);
      afterId = (UUID) last[0];
    }
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return (Instant) value;
  }
}
