package dev.headlesscrm.platform.webhooks;

import dev.headlesscrm.platform.persistence.RepeatingTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs fan-out (with hand-asked replays) and sending on two threads of their own ({@link
 * RepeatingTask}), every {@code crm.webhooks.poll-interval}, so that a slow receiver never holds up
 * fan-out. Every replica runs both; the database decides who does what (see {@link
 * WebhookDispatcher} and {@link WebhookSender}).
 */
@ApplicationScoped
public class WebhookWorker {

  private static final Logger LOG = Logger.getLogger(WebhookWorker.class);

  @Inject WebhooksConfig config;
  @Inject WebhookDispatcher dispatcher;
  @Inject WebhookSender sender;

  private RepeatingTask fanOut;
  private RepeatingTask sending;

  void start(@Observes StartupEvent startup) {
    Duration interval = config.pollInterval();
    if (interval.toMillis() <= 0) {
      LOG.info("Webhook delivery is off (crm.webhooks.poll-interval=0)");
      return;
    }
    fanOut =
        new RepeatingTask(
            "crm-webhook-fanout",
            "Webhook fan-out",
            interval,
            LOG,
            () -> {
              dispatcher.fanOut();
              dispatcher.replay();
            });
    sending =
        new RepeatingTask("crm-webhook-sending", "Webhook sending", interval, LOG, sender::sendDue);
    fanOut.start();
    sending.start();
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    for (RepeatingTask task : new RepeatingTask[] {fanOut, sending}) {
      if (task != null) {
        task.stop(Duration.ofSeconds(5));
      }
    }
  }
}
