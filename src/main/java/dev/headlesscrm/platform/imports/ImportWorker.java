package dev.headlesscrm.platform.imports;

import dev.headlesscrm.platform.persistence.RepeatingTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs due import jobs on a thread of its own ({@link RepeatingTask}) every {@code
 * crm.imports.poll-interval}, one job after another on each replica; replicas share the jobs
 * through the database (see {@link ImportRunner}).
 */
@ApplicationScoped
public class ImportWorker {

  private static final Logger LOG = Logger.getLogger(ImportWorker.class);

  @Inject ImportsConfig config;
  @Inject ImportRunner runner;

  private RepeatingTask task;

  void start(@Observes StartupEvent startup) {
    Duration interval = config.pollInterval();
    if (interval.toMillis() <= 0) {
      LOG.info("Import jobs are not run here (crm.imports.poll-interval=0)");
      return;
    }
    task =
        new RepeatingTask(
            "crm-imports",
            "Running import jobs",
            interval,
            LOG,
            () -> {
              while (runner.runDue()) {
                // the next due job, at once
              }
            });
    task.start();
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    if (task != null) {
      task.stop(Duration.ofSeconds(5));
    }
  }
}
