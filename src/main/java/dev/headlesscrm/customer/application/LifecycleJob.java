package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.LifecycleRules;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.persistence.OneReplica;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Time moves a won customer's lifecycle stage without any write of it (NEW becomes ACTIVE, a quiet
 * one AT_RISK, then LOST): this sweep derives every won customer's stage as of now and moves those
 * that changed, each through its version with a {@code stage-changed} history entry and event. One
 * replica at a time runs it; a repeat finds nothing to change.
 */
@ApplicationScoped
public class LifecycleJob {

  private static final Logger LOG = Logger.getLogger(LifecycleJob.class);
  private static final long LOCK_KEY = 0x4C49464543594C45L;
  private static final int BATCH = 1000;

  @Inject EntityManager em;
  @Inject CustomerService customers;
  @Inject OneReplica replicas;

  @Scheduled(
      identity = "lifecycle-stages",
      every = "${crm.lifecycle.restage-every:1h}",
      delayed = "${crm.pool.return-delay:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int changed = run(Clock.now());
    if (changed > 0) {
      LOG.infof("Lifecycle stages: %d customers moved", changed);
    }
  }

  /** Moves every won customer whose stage as of {@code now} differs; how many (-1: skipped). */
  public int run(Instant now) {
    return replicas
        .run(
            LOCK_KEY,
            () -> {
              LifecycleRules.Thresholds thresholds =
                  QuarkusTransaction.requiringNew().call(customers::thresholds);
              int changed = 0;
              UUID after = new UUID(0, 0);
              while (true) {
                UUID from = after;
                List<UUID> ids =
                    QuarkusTransaction.requiringNew()
                        .call(
                            () ->
                                em.createNativeQuery(
                                        "SELECT id FROM customers WHERE won_deals > 0"
                                            + " AND deleted_at IS NULL AND id > ?1"
                                            + " ORDER BY id LIMIT "
                                            + BATCH,
                                        UUID.class)
                                    .setParameter(1, from)
                                    .getResultList());
                for (UUID id : ids) {
                  try {
                    if (customers.restage(id, thresholds, now)) {
                      changed++;
                    }
                  } catch (RuntimeException e) {
                    LOG.warnf(e, "Customer %s kept its stage; the next run retries", id);
                  }
                }
                if (ids.size() < BATCH) {
                  return changed;
                }
                after = ids.get(ids.size() - 1);
              }
            })
        .orElse(-1);
  }
}
