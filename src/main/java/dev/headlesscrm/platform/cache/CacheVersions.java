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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  /** The stamp that data of this kind must carry to be current. */
  public Stamp current(String kind) {
    AtomicLong known = database.get(kind);
    return new Stamp(known == null ? 0 : known.get(), local.get());
  }

  /**
   * This pod's caches drop what they hold as soon as the current transaction commits (or at once
   * without one); other pods follow the trigger's bump on their next poll.
   */
  public void changed() {
    if (transactions == null || transactions.getTransactionKey() == null) {
      local.incrementAndGet();
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
            }
          }
        });
  }

  /** Reads the versions; a failed read keeps the last ones (the next poll tries again). */
  void poll() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT name, version FROM cache_versions")) {
      while (r.next()) {
        database.computeIfAbsent(r.getString(1), k -> new AtomicLong()).set(r.getLong(2));
      }
    } catch (SQLException | RuntimeException unreachable) {
      LOG.debugf("cache versions not read: %s", unreachable.getMessage());
    }
  }
}
