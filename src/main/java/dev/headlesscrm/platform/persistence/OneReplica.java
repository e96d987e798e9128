package dev.headlesscrm.platform.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Work that one replica at a time does (a scheduled sweep): it runs while this pod holds a
 * PostgreSQL session advisory lock on a connection of its own; a replica that cannot take the lock
 * skips its turn. The lock goes with the session, so a pod that dies mid-run frees it at once. What
 * the work writes must still be safe to repeat (a lock lost to a network cut does not stop the work
 * already running).
 */
@ApplicationScoped
public class OneReplica {

  @Inject AgroalDataSource dataSource;

  /** The work's answer, or empty when another replica holds {@code key}. */
  public <T> Optional<T> run(long key, Supplier<T> work) {
    try (Connection lock = dataSource.getConnection()) {
      if (!call(lock, "SELECT pg_try_advisory_lock(?)", key)) {
        return Optional.empty();
      }
      try {
        return Optional.ofNullable(work.get());
      } finally {
        call(lock, "SELECT pg_advisory_unlock(?)", key);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the advisory lock " + key, e);
    }
  }

  private static boolean call(Connection c, String sql, long key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    }
  }
}
