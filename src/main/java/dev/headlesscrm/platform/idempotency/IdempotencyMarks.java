package dev.headlesscrm.platform.idempotency;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Marks the key of an idempotent request COMMITTED in the transaction that records its change (the
 * change log calls {@link #recorded} for every change it records). A process that dies between that
 * commit and storing the answer leaves a key that a retry answers from the record rather than
 * running the request again.
 *
 * <p>Only requests about one record are marked: a create ({@code POST /api/v1/x}), a change or
 * action of one record ({@code …/x/{id}}, {@code …/x/{id}/<action>}) and an upsert ({@code
 * …/x/external/{externalId}}). Batches and bulk transfers answer with a result per item that the
 * record cannot give back; their keys keep the in-flight rules.
 */
@ApplicationScoped
public class IdempotencyMarks {

  private static final Pattern ONE_RECORD =
      Pattern.compile("/api/v1/[a-z-]+(/[0-9a-fA-F-]{36}(/[a-z-]+)?|/external/[^/]+)?/?");

  @Inject CurrentVertxRequest http;
  @Inject IdempotencyStore store;
  @Inject EntityManager em;
  @Inject TransactionSynchronizationRegistry transactions;

  /** A change was recorded in the current transaction. */
  public void recorded(String resource, UUID id, String action) {
    if (!io.quarkus.arc.Arc.container().requestContext().isActive()) {
      return; // jobs and other work no request asked for
    }
    RoutingContext request = http.getCurrent();
    if (request == null
        || !(request.get(IdempotencyFilters.ATTEMPT) instanceof Attempt attempt)
        || attempt.isMarked()
        || transactions.getTransactionKey() == null
        || !ONE_RECORD.matcher(request.request().path()).matches()) {
      return;
    }
    store.markCommitted(em, attempt.caller, attempt.key, attempt.claimId, resource, id, action);
    attempt.marked(true);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              attempt.marked(false);
            }
          }
        });
  }
}
