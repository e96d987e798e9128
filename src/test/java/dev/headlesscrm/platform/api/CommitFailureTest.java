package dev.headlesscrm.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.enterprise.inject.Instance;
import java.io.EOFException;
import java.lang.reflect.Proxy;
import java.util.stream.Stream;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The database going away while a transaction commits is a 503 (retry with the same
 * Idempotency-Key), not a 500: Narayana reports it as a {@code RollbackException} whose database
 * error is suppressed rather than its cause (seen by scripts/fault/db-outage.sh: one create of
 * 3,000 answered 500 when the proxy cut the connection during its commit).
 */
class CommitFailureTest {

  @SuppressWarnings("unchecked")
  private final ProblemClassifier classifier =
      new ProblemClassifier(
          (Instance<ConstraintProblems>)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Instance.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("stream")) {
                      return Stream.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                  }));

  @Test
  void aConnectionLostAtCommitIsUnavailable() {
    XAException xa =
        new XAException(
            "Error trying to transactionCommit local transaction: An I/O error occurred while"
                + " sending to the backend.");
    xa.initCause(
        new PSQLException(
            "An I/O error occurred while sending to the backend.",
            PSQLState.CONNECTION_FAILURE,
            new EOFException()));
    jakarta.transaction.RollbackException rollback =
        new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
    rollback.addSuppressed(xa);

    CrmException problem =
        classifier.classify(
            new io.quarkus.arc.ArcUndeclaredThrowableException(
                "Error invoking subclass method", rollback));

    assertNotNull(problem, "classified, not a 500");
    assertEquals(ProblemType.UNAVAILABLE, problem.type());
  }

  @Test
  void aRollbackForAnyOtherReasonIsStillUnexpected() {
    jakarta.transaction.RollbackException rollback =
        new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
    rollback.addSuppressed(new IllegalStateException("a listener failed"));
    assertNull(
        classifier.classify(
            new io.quarkus.arc.ArcUndeclaredThrowableException(
                "Error invoking subclass method", rollback)));
  }
}
