package dev.headlesscrm.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Rows the platform appends beside a record (history entries, outbox events) written at once, or,
 * inside a bulk transaction (a chunk of a batch), gathered and written together as one JDBC batch
 * per statement, which the driver sends as multi-row inserts ({@code reWriteBatchedInserts}). A
 * bulk transaction also tells the record machinery to let Hibernate batch its own inserts and
 * updates (no flush after each record) and to take numbers in blocks ({@link #expectedCreates}).
 *
 * <p>The gathered rows are written when the bulk work ends ({@link #flush}), and in any case before
 * the transaction commits: nothing appended is ever left out of the transaction it belongs to.
 */
@ApplicationScoped
public class BulkWrites {

  /** Sets the parameters of one row on the statement. */
  @FunctionalInterface
  public interface Row {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private static final Object KEY = BulkWrites.class;

  /** What one bulk transaction has gathered. */
  private static final class Pending {
    final Map<String, List<Row>> rows = new LinkedHashMap<>();
    final Map<Object, Object> remembered = new java.util.HashMap<>();
    int expectedCreates;
  }

  @Inject EntityManager em;
  @Inject TransactionSynchronizationRegistry transactions;

  /**
   * Makes the current transaction a bulk one: rows are gathered until {@link #flush} or the commit.
   * {@code expectedCreates} is how many records the work will create (a hint for number blocks).
   */
  public void begin(int expectedCreates) {
    Pending pending = pending();
    if (pending == null) {
      pending = new Pending();
      transactions.putResource(KEY, pending);
      Pending registered = pending;
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {
              if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                write(registered);
              }
            }

            @Override
            public void afterCompletion(int status) {}
          });
    }
    pending.expectedCreates = expectedCreates;
  }

  /** Whether the current transaction is a bulk one. */
  public boolean active() {
    return pending() != null;
  }

  /**
   * How many more records this bulk transaction expects to create (0 outside one); each call to
   * {@link #created} counts one down.
   */
  public int expectedCreates() {
    Pending pending = pending();
    return pending == null ? 0 : pending.expectedCreates;
  }

  /** One of the expected records was created. */
  public void created() {
    Pending pending = pending();
    if (pending != null && pending.expectedCreates > 0) {
      pending.expectedCreates--;
    }
  }

  /**
   * A value looked up once per bulk transaction (the owner every record of a chunk names, for
   * instance); outside one, looked up each time. For lookups whose answer the transaction itself
   * does not change.
   */
  @SuppressWarnings("unchecked")
  public <T> T remember(Object key, java.util.function.Supplier<T> load) {
    Pending pending = pending();
    if (pending == null) {
      return load.get();
    }
    Object held = pending.remembered.get(key);
    if (held == null) {
      held = load.get();
      if (held != null) {
        pending.remembered.put(key, held);
      }
    }
    return (T) held;
  }

  /** Inserts one row now, or gathers it when the transaction is a bulk one. */
  public void insert(String sql, Row row) {
    Pending pending = pending();
    if (pending != null) {
      pending.rows.computeIfAbsent(sql, s -> new ArrayList<>()).add(row);
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                row.bind(statement);
                statement.executeUpdate();
              }
            });
  }

  /**
   * Writes Hibernate's pending changes and the gathered rows; a constraint that a record breaks
   * fails here, inside the transaction.
   */
  public void flush() {
    em.flush();
    Pending pending = pending();
    if (pending != null) {
      write(pending);
    }
  }

  private void write(Pending pending) {
    if (pending.rows.isEmpty()) {
      return;
    }
    Map<String, List<Row>> rows = new LinkedHashMap<>(pending.rows);
    pending.rows.clear();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              for (Map.Entry<String, List<Row>> entry : rows.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(entry.getKey())) {
                  for (Row row : entry.getValue()) {
                    row.bind(statement);
                    statement.addBatch();
                  }
                  statement.executeBatch();
                }
              }
            });
  }

  private Pending pending() {
    if (transactions.getTransactionKey() == null) {
      return null;
    }
    return (Pending) transactions.getResource(KEY);
  }
}
