package dev.headlesscrm.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Finishes an {@link Attempt}: stores its answer or frees its key. Failures are never thrown (the
 * client's own request has already been decided and its answer must still go out) and never
 * dropped: when the database cannot be reached at that moment, the same step is retried every
 * second until it can. Storing the answer of a request that committed is never replaced by freeing
 * its key, since a retry would then run it twice.
 */
@ApplicationScoped
class Attempts {

  private static final Logger LOG = Logger.getLogger(Attempts.class);

  /** Steps waiting for the database; beyond this many the oldest are logged and dropped. */
  static final int MAX_PENDING = 100_000;

  private final Queue<Step> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();

  @Inject IdempotencyStore store;

  /** One step against the store, remembered for a retry when it fails. */
  private record Step(String description, Runnable action) {}

  Void complete(Attempt attempt, byte[] body) {
    StoredResponse response = attempt.response(body);
    run(
        new Step(
            "store the answer for idempotency key " + attempt.key,
            () -> store.complete(attempt.caller, attempt.key, attempt.claimId, response)));
    return null;
  }

  Void release(Attempt attempt) {
    run(
        new Step(
            "release idempotency key " + attempt.key,
            () -> store.release(attempt.caller, attempt.key, attempt.claimId)));
    return null;
  }

  private void run(Step step) {
    try {
      step.action().run();
    } catch (RuntimeException e) {
      LOG.warnf("Could not %s now (%s); retrying every second", step.description(), e.getMessage());
      pending.add(step);
      if (size.incrementAndGet() > MAX_PENDING) {
        Step dropped = pending.poll();
        if (dropped != null) {
          size.decrementAndGet();
          LOG.errorf("Gave up trying to %s: too many steps waiting", dropped.description());
        }
      }
    }
  }

  /** Retries what failed, in order, until the first that still fails. */
  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void retryPending() {
    for (Step step = pending.peek(); step != null; step = pending.peek()) {
      try {
        step.action().run();
      } catch (RuntimeException stillDown) {
        return;
      }
      pending.remove(step);
      size.decrementAndGet();
    }
  }

  /** Steps waiting for the database (tests and diagnostics). */
  int pending() {
    return size.get();
  }
}
