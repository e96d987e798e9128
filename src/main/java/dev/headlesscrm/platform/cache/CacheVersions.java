package dev.headlesscrm.platform.cache;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Tells a pod's caches whether what they hold is still current. The database keeps a version per
 * kind of cached data ({@code cache_versions}: {@code roles}, {@code org}), bumped by triggers in
 * the same transaction as any change, so the bump is visible exactly when the change is. Every pod
 * reads the versions every {@value #POLL_MILLIS} ms on one connection (a one-row-per-kind select, a
 * few a second per pod, instead of several statements on every request); and a change made by this
 * pod is seen by its own caches the moment it commits ({@link #changed}). A cache holds the {@link
 * Stamp} it was built at and rebuilds when the current stamp differs.
 *
 * <p>Why a polled version row and not LISTEN/NOTIFY: a notification sent while a pod's listening
 * connection is down is lost for good, and the pod would serve stale grants until restarted; a
 * version is read again on the next poll whatever happened in between, and it costs nothing to keep
 * through a connection pooler.
 */
@ApplicationScoped
public class CacheVersions {

  /** How often every pod reads the versions: a change elsewhere is in force within this. */
  public static final long POLL_MILLIS = 200;

  private static final Logger LOG = Logger.getLogger(CacheVersions.class);

  /** What a cache was built at: the database's version and this pod's own change count. */
  public record Stamp(long database, long local) {}

  private final Map<String, AtomicLong> database = new ConcurrentHashMap<>();
  private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
  private final AtomicLong local = new AtomicLong();
  private DataSource dataSource;
  private TransactionSynchronizationRegistry transactions;
  private ScheduledExecutorService poller;

  @Inject
  CacheVersions(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
    this.dataSource = dataSource;
    this.transactions = transactions;
  }

  /** A watcher of its own on this data source, as another pod has (for tests and tools). */
  public static CacheVersions watching(DataSource dataSource) {
    CacheVersions versions = new CacheVersions(null, null);
    versions.dataSource = dataSource;
    versions.start();
    return versions;
  }

  void onStart(@Observes StartupEvent start) {
    start();
  }

  void onStop(@Observes ShutdownEvent stop) {
    stop();
  }

  private synchronized void start() {
    if (poller != null) {
      return;
    }
    poll();
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "crm-cache-versions");
              t.setDaemon(true);
              return t;
            });
    poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  /**
   * Runs {@code reload} whenever data of this kind changes: on the watcher's thread when the
   * database's version moves, on the committing thread (after the commit, outside any transaction)
   * when this pod changed it. Caches that reload this way never load on a request thread, so a
   * request holding a pooled connection never waits for a second one.
   */
  public void onChange(String kind, Runnable reload) {
    listeners.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(reload);
  }

  /** The stamp that data of this kind must carry to be current. */
  public Stamp current(String kind) {
    AtomicLong known = database.get(kind);
    return new Stamp(known == null ? 0 : known.get(), local.get());
  }

  /**
   * This pod's caches drop what they hold as soon as the current transaction commits (or at once
   * without one), and the listeners of these kinds reload; other pods follow the trigger's bump on
   * their next poll.
   */
  public void changed(String... kinds) {
    if (transactions == null || transactions.getTransactionKey() == null) {
      local.incrementAndGet();
      reload(kinds);
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              local.incrementAndGet();
              reload(kinds);
            }
          }
        });
  }

  private void reload(String... kinds) {
    for (String kind : kinds) {
      for (Runnable reload : listeners.getOrDefault(kind, List.of())) {
        try {
          reload.run();
        } catch (RuntimeException failed) {
          LOG.warnf("reloading %s failed: %s", kind, failed.getMessage());
        }
      }
    }
  }

  /** Reads the versions; a failed read keeps the last ones (the next poll tries again). */
  void poll() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT name, version FROM cache_versions")) {
      List<String> moved = new java.util.ArrayList<>();
      while (r.next()) {
        AtomicLong known = database.computeIfAbsent(r.getString(1), k -> new AtomicLong());
        if (known.getAndSet(r.getLong(2)) != r.getLong(2)) {
          moved.add(r.getString(1));
        }
      }
      reload(moved.toArray(String[]::new));
    } catch (SQLException | RuntimeException unreachable) {
      LOG.debugf("cache versions not read: %s", unreachable.getMessage());
    }
  }
}
