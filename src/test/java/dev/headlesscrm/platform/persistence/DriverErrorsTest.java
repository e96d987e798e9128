package dev.headlesscrm.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * What the service's connections put in an error message, which Hibernate and the
 * unexpected-failure log line write to the log: the failing statement and the constraint, never the
 * values of the row (a customer's name or phone) nor the duplicated key.
 */
@QuarkusTest
class DriverErrorsTest {

  private static final String SECRET = "张三13800138000";

  @Inject AgroalDataSource dataSource;

  @Test
  void aFailedBatchNamesTheConstraintButNotTheValues() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement ddl = c.createStatement()) {
      ddl.execute("DROP TABLE IF EXISTS pg_temp.driver_errors");
      ddl.execute("CREATE TEMP TABLE driver_errors (v text CONSTRAINT driver_errors_v_key UNIQUE)");
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO driver_errors (v) VALUES (?)")) {
        insert.setString(1, SECRET);
        insert.addBatch();
        insert.setString(1, SECRET);
        insert.addBatch();
        BatchUpdateException failed =
            assertThrows(BatchUpdateException.class, insert::executeBatch);
        SQLException cause = failed.getNextException();
        assertNotNull(cause);
        for (SQLException e : new SQLException[] {failed, cause}) {
          assertFalse(e.getMessage().contains(SECRET), e.getMessage());
          assertFalse(e.getMessage().contains("13800138000"), e.getMessage());
        }
        // What the problem mapping reads is still there.
        assertEquals("23505", cause.getSQLState());
        PSQLException server = (PSQLException) cause;
        assertEquals("driver_errors_v_key", server.getServerErrorMessage().getConstraint());
      } finally {
        ddl.execute("DROP TABLE IF EXISTS pg_temp.driver_errors");
      }
    }
  }
}
