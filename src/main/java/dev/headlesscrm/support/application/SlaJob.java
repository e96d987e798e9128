package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.persistence.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Marks SLA timers whose warning or due time has come, each request in its own transaction under
 * its row lock ({@link ServiceRequestService#markDue}). Safe on several replicas without a leader:
 * two that pick the same request take turns on its lock, and the second finds nothing left to mark,
 * so each warning and breach is recorded once.
 */
@ApplicationScoped
public class SlaJob {

  private static final Logger LOG = Logger.getLogger(SlaJob.class);
  static final int BATCH = 500;

  @Inject EntityManager em;
  @Inject ServiceRequestService requests;

  @Scheduled(
      identity = "sla-timers",
      every = "${crm.sla.check-every:30s}",
      delayed = "${crm.sla.check-delay:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int marked = run(Clock.now());
    if (marked > 0) {
      LOG.infof("SLA: %d service requests reached a warning or breach", marked);
    }
  }

  /** Marks what {@code now} has brought due; how many requests changed. */
  public int run(Instant now) {
    int marked = 0;
    while (true) {
      List<UUID> due = QuarkusTransaction.requiringNew().call(() -> due(now));
      int changed = 0;
      for (UUID id : due) {
        if (QuarkusTransaction.requiringNew().call(() -> requests.markDue(id, now))) {
          changed++;
        }
      }
      marked += changed;
      if (due.size() < BATCH || changed == 0) {
        return marked;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<UUID> due(Instant now) {
    return em.createNativeQuery(
            "SELECT DISTINCT request_id FROM ("
                + " SELECT request_id FROM sla_timers WHERE stopped_at IS NULL AND paused_at IS NULL"
                + " AND state <> 'BREACHED' AND due_at <= ?1"
                + " UNION ALL"
                + " SELECT request_id FROM sla_timers WHERE stopped_at IS NULL AND paused_at IS NULL"
                + " AND state = 'RUNNING' AND warn_at <= ?1) d LIMIT "
                + BATCH,
            UUID.class)
        .setParameter(1, Timestamp.from(now))
        .getResultList();
  }
}
