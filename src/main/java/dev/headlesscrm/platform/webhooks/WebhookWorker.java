package dev.headlesscrm.platform.webhooks;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Runs fan-out (with hand-asked replays) and sending on two threads of their own, every {@code
 * crm.webhooks.poll-interval}, so that a slow receiver never holds up fan-out. Every replica runs
 * both; the database decides who does what (see {@link WebhookDispatcher} and {@link
 * WebhookSender}). While the database fails, the next run waits longer, up to 10 s.
 */
@ApplicationScoped
public class WebhookWorker {

  private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
  private static final long MAX_BACK_OFF_MILLIS = 10_000;

  @Inject WebhooksConfig config;
  @Inject WebhookDispatcher dispatcher;
  @Inject WebhookSender sender;

  private ScheduledExecutorService fanOut;
  private ScheduledExecutorService sending;

  void start(@Observes StartupEvent startup) {
    long interval = config.pollInterval().toMillis();
    if (interval <= 0) {
      LOG.info("Webhook delivery is off (crm.webhooks.poll-interval=0)");
      return;
    }
    fanOut = thread("crm-webhook-fanout");
    sending = thread("crm-webhook-sending");
    loop(fanOut, "fan-out", () -> dispatcher.fanOut() + dispatcher.replay(), interval, 0);
    loop(sending, "sending", sender::sendDue, interval, 0);
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    for (ScheduledExecutorService executor : new ScheduledExecutorService[] {fanOut, sending}) {
      if (executor != null) {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private void loop(
      ScheduledExecutorService executor, String what, IntSupplier work, long delay, int failures) {
    try {
      executor.schedule(
          () -> {
            int failed = failures;
            try {
              work.getAsInt();
              if (failed > 0) {
                LOG.infof("Webhook %s works again", what);
              }
              failed = 0;
            } catch (RuntimeException e) {
              if (failed++ == 0) {
                LOG.warnf(e, "Webhook %s failed; retrying until it works", what);
              }
            }
            long interval = config.pollInterval().toMillis();
            long next =
                failed == 0
                    ? interval
                    : Math.min(MAX_BACK_OFF_MILLIS, interval << Math.min(failed, 16));
            loop(executor, what, work, next, failed);
          },
          delay,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      // the application is stopping
    }
  }

  private static ScheduledExecutorService thread(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }
}
