package dev.headlesscrm.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * How the pool's refusals are told apart (Agroal gives them no SQL state, only a message): a full
 * pool is "busy" (retry in a second), a connection that could not be opened in time is the database
 * being unreachable (retry in five); anything else is not taken for either. The messages are those
 * of agroal-pool 3.0.1: a version that changes them fails here first.
 */
class PoolRefusalsTest {

  @Test
  void aFullPoolIsBusyAndAConnectTimeoutIsUnavailable() {
    SQLException full = new SQLException("Sorry, acquisition timeout!");
    SQLException connect =
        new SQLException(
            "Acquisition timeout while waiting for new connection",
            new java.util.concurrent.TimeoutException());
    assertTrue(ProblemClassifier.isPoolExhausted(full));
    assertFalse(ProblemClassifier.isConnectTimeout(full));
    assertTrue(ProblemClassifier.isConnectTimeout(connect));
    assertFalse(ProblemClassifier.isPoolExhausted(connect));
    assertFalse(
        ProblemClassifier.isPoolExhausted(
            new SQLException("Sorry, acquisition timeout!", "08006")));

    CrmException busy = ProblemClassifier.busy();
    assertEquals(503, busy.type().status());
    assertEquals(1, busy.extensions().get("retryAfter"));
  }

  @Test
  void theMessagesAreAgroalsOwn() throws Exception {
    // The strings the classifier matches are in the pool's class: a renamed message is caught here.
    byte[] pool;
    try (var in = io.agroal.pool.ConnectionPool.class.getResourceAsStream("ConnectionPool.class")) {
      pool = in.readAllBytes();
    }
    String constants = new String(pool, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(constants.contains("Sorry, acquisition timeout!"));
    assertTrue(constants.contains("Acquisition timeout while waiting for new connection"));
  }
}
