package dev.headlesscrm.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Plain SQL on the current transaction's connection (Hibernate's own, so it shares the transaction
 * and sees what Hibernate flushed), for the platform's tables that are not entities (queues, logs,
 * counters): one statement, its parameters bound by type, its rows mapped. An {@link Instant} is
 * bound as a UTC {@code timestamptz}; a {@link #array} as a PostgreSQL array.
 */
@ApplicationScoped
public class Sql {

  /** Maps the current row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** A parameter bound as a PostgreSQL array of {@code type} ("uuid", "text", "bigint"). */
  public record Array(String type, Object[] values) {}

  /** A parameter bound as {@code bytea}, read from the stream as it is sent. */
  public record Stream(java.io.InputStream in, long length) {}

  @Inject EntityManager em;

  public static Array array(String type, Collection<?> values) {
    return new Array(type, values.toArray());
  }

  /** Runs an INSERT, UPDATE or DELETE; how many rows it touched. */
  public int update(String sql, Object... params) {
    return work(
        c -> {
          try (PreparedStatement s = prepared(c, sql, params)) {
            return s.executeUpdate();
          }
        });
  }

  /** Every row a query (or a statement with RETURNING) answers, mapped. */
  public <T> List<T> list(String sql, Row<T> row, Object... params) {
    return work(
        c -> {
          try (PreparedStatement s = prepared(c, sql, params);
              ResultSet r = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (r.next()) {
              out.add(row.map(r));
            }
            return out;
          }
        });
  }

  /** The first row a query answers, mapped; empty when none. */
  public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
    List<T> rows = list(sql, row, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /** A column's timestamp as an instant (null stays null). */
  public static Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static UUID uuid(ResultSet r, int column) throws SQLException {
    return r.getObject(column, UUID.class);
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T work(Work<T> work) {
    return em.unwrap(Session.class).doReturningWork(work::run);
  }

  private static PreparedStatement prepared(Connection c, String sql, Object[] params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p instanceof Instant instant) {
          s.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
        } else if (p instanceof Array array) {
          s.setArray(i + 1, c.createArrayOf(array.type(), array.values()));
        } else if (p instanceof Stream stream) {
          s.setBinaryStream(i + 1, stream.in(), stream.length());
        } else {
          s.setObject(i + 1, p);
        }
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }
}
