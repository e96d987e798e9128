package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.persistence.OneReplica;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells the customer's owner, once per warranty end, that goods' warranty ends within {@code
 * warranty-reminder-days}: an event {@code warranty-ending} through the goods' version, and a
 * notification. One replica runs it at a time; the mark makes a second run find nothing.
 */
@ApplicationScoped
public class WarrantyJob {

  private static final Logger LOG = Logger.getLogger(WarrantyJob.class);
  private static final long LOCK_KEY = 0x57415252414e5459L;

  @Inject EntityManager em;
  @Inject GoodsWarranty warranty;
  @Inject OneReplica replicas;

  @Scheduled(
      identity = "warranty-reminders",
      every = "${crm.warranty.check-every:1h}",
      delayed = "${crm.warranty.check-delay:2m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int told = run(GoodsService.today());
    if (told > 0) {
      LOG.infof("Warranty: %d goods' warranty ends soon; their owners were told", told);
    }
  }

  /** Tells of the warranties ending from {@code today} within the setting's days; how many. */
  public int run(LocalDate today) {
    return replicas
        .run(
            LOCK_KEY,
            () -> {
              List<UUID> due = QuarkusTransaction.requiringNew().call(() -> warranty.due(today));
              int told = 0;
              for (UUID id : due) {
                if (QuarkusTransaction.requiringNew().call(() -> warranty.tell(id, today))) {
                  told++;
                }
              }
              return told;
            })
        .orElse(0);
  }
}
