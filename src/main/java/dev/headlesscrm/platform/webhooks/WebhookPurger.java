package dev.headlesscrm.platform.webhooks;

import dev.headlesscrm.platform.events.EventIds;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.persistence.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps the delivery log to {@code crm.webhooks.log-retention} (30 days): deliveries made before
 * then, with their attempts, and finished replays are deleted, in small transactions. A delivery
 * still pending that long (its subscription disabled all the while) goes too: its event has left
 * the change feed as well.
 */
@ApplicationScoped
public class WebhookPurger {

  private static final Logger LOG = Logger.getLogger(WebhookPurger.class);
  static final int BATCH = 5000;

  @Inject Sql sql;
  @Inject WebhooksConfig config;

  @Scheduled(
      identity = "crm-webhooks-purge",
      every = "1h",
      delayed = "2m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void purgeScheduled() {
    try {
      int purged = purgeBefore(Clock.now().minus(config.logRetention()));
      if (purged > 0) {
        LOG.infof("Purged %d webhook deliveries older than %s", purged, config.logRetention());
      }
    } catch (RuntimeException e) {
      LOG.warn("Purging the webhook delivery log failed; the next run retries", e);
    }
  }

  /** Deletes deliveries made before {@code cutoff}; returns how many. */
  public int purgeBefore(Instant cutoff) {
    int total = 0;
    while (true) {
      int deleted =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      sql.update(
                          "DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM"
                              + " webhook_deliveries WHERE id < ? LIMIT ? FOR UPDATE SKIP LOCKED)",
                          EventIds.lowerBound(cutoff),
                          BATCH));
      total += deleted;
      if (deleted < BATCH) {
        break;
      }
    }
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                sql.update(
                    "DELETE FROM webhook_replays WHERE status = 'DONE' AND created_at < ?",
                    cutoff));
    return total;
  }
}
