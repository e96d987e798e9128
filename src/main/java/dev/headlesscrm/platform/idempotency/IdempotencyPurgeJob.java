package dev.headlesscrm.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Deletes expired idempotency keys, in small batches; every pod may run it at once. */
@ApplicationScoped
public class IdempotencyPurgeJob {

  private static final Logger LOG = Logger.getLogger(IdempotencyPurgeJob.class);
  static final int BATCH = 1000;

  @Inject IdempotencyStore store;

  @Scheduled(
      identity = "idempotency-purge",
      every = "${crm.idempotency.purge-every:1h}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int purged = purge();
    if (purged > 0) {
      LOG.debugf("Purged %d expired idempotency keys", purged);
    }
  }

  /** Deletes every expired key; returns how many. */
  public int purge() {
    int total = 0;
    int deleted;
    do {
      deleted = store.purgeExpired(BATCH);
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }
}
