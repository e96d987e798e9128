package dev.headlesscrm.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;

/**
 * A number past its column (SQL state 22003, "numeric field overflow") that no module check caught
 * is the client's input, so a 422 problem, never a 500. The sales modules name the field themselves
 * (OpportunityTest); this is the answer for a computation nobody foresaw.
 */
@QuarkusTest
class NumericOverflowTest {

  @Inject ProblemClassifier classifier;

  @Test
  void anOverflowingNumberIsAValidationProblem() {
    SQLException overflow = new SQLException("ERROR: numeric field overflow", "22003");
    CrmException problem =
        classifier.classify(new DataException("could not execute batch", overflow));
    assertEquals(422, problem.type().status());
    assertTrue(problem.detail().en().contains("too large to store"), problem.detail().en());
  }
}
