package dev.headlesscrm.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Finishes an {@link Attempt}: stores its answer or frees its key. Failures are logged, never
 * thrown: the client's own request has already been decided and its answer must still go out.
 */
@ApplicationScoped
class Attempts {

  private static final Logger LOG = Logger.getLogger(Attempts.class);

  @Inject IdempotencyStore store;

  Void complete(Attempt attempt, byte[] body) {
    try {
      store.complete(attempt.caller, attempt.key, attempt.claimId, attempt.response(body));
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not store the answer for idempotency key %s", attempt.key);
      release(attempt);
    }
    return null;
  }

  Void release(Attempt attempt) {
    try {
      store.release(attempt.caller, attempt.key, attempt.claimId);
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not release idempotency key %s; it blocks until it expires", attempt.key);
    }
    return null;
  }
}
