package dev.headlesscrm.platform.persistence;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Background work run again and again on a daemon thread of its own, {@code interval} after each
 * run ends: not {@code @Scheduled}, whose triggers are checked once a second, which would add up to
 * a second to what the work feeds (the change feed, webhooks). While a run fails (the database is
 * down), the next waits longer, doubling up to 10 s; the first failure of an outage is logged as a
 * warning, the end of it once.
 */
public final class RepeatingTask {

  static final long MAX_BACK_OFF_MILLIS = 10_000;

  private final String what;
  private final long interval;
  private final Runnable work;
  private final Logger log;
  private final ScheduledExecutorService executor;

  /** Consecutive failed runs; only the task's thread touches it. */
  private int failures;

  /**
   * @param thread the thread's name
   * @param what what the work is, for the log ("Publishing events")
   */
  public RepeatingTask(String thread, String what, Duration interval, Logger log, Runnable work) {
    this.what = what;
    this.interval = interval.toMillis();
    this.work = work;
    this.log = log;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, thread);
              t.setDaemon(true);
              return t;
            });
  }

  public void start() {
    schedule(interval);
  }

  /** Stops after the run in progress, waiting for it up to {@code wait}. */
  public void stop(Duration wait) throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    long next = interval;
    try {
      work.run();
      if (failures > 0) {
        log.infof("%s works again", what);
        failures = 0;
      }
    } catch (RuntimeException e) {
      if (failures++ == 0) {
        log.warnf(e, "%s failed; retrying until it works", what);
      } else {
        log.debugf(e, "%s failed again", what);
      }
      next = Math.min(MAX_BACK_OFF_MILLIS, interval << Math.min(failures, 16));
    } finally {
      schedule(next);
    }
  }

  private void schedule(long delay) {
    try {
      executor.schedule(this::run, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      // the application is stopping: no next run
    }
  }
}
