package dev.headlesscrm.platform.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This process's presence in the database: a {@code service_instances} row kept alive every {@value
 * #BEAT_MILLIS} ms on a connection of its own, outside the pool, so that neither a busy pool nor a
 * long request delays it.
 *
 * <ul>
 *   <li>Work this process claims (idempotency keys in flight) names {@link #id()}; other processes
 *       treat the claim as orphaned once the row has not been kept alive for {@link #lease()}.
 *   <li>Readiness asks {@link #databaseReachable()}: answered from the last beat, at once, however
 *       loaded the pool is.
 * </ul>
 */
@ApplicationScoped
public class PodPresence {

  static final long BEAT_MILLIS = 1000;

  private static final Logger LOG = Logger.getLogger(PodPresence.class);

  private final UUID id = UUID.randomUUID();
  private final String url;
  private final String user;
  private final String password;
  private final Duration lease;
  private volatile long lastBeat = Long.MIN_VALUE;
  private volatile boolean everBeat;
  private Connection connection;
  private ScheduledExecutorService beats;
  private long beatsSincePurge;

  PodPresence(
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") String user,
      @ConfigProperty(name = "quarkus.datasource.password") String password,
      @ConfigProperty(name = "crm.presence.lease", defaultValue = "5s") Duration lease) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.lease = lease;
  }

  /** This process's id, as its claims name it. */
  public UUID id() {
    return id;
  }

  /** How long a process may miss its beats before its claims count as orphaned. */
  public Duration lease() {
    return lease;
  }

  /** Whether the last beat reached the database within three beats. */
  public boolean databaseReachable() {
    return everBeat
        && System.nanoTime() - lastBeat < TimeUnit.MILLISECONDS.toNanos(3 * BEAT_MILLIS);
  }

  void onStart(@Observes StartupEvent start) {
    beat();
    beats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "crm-presence");
              t.setDaemon(true);
              return t;
            });
    beats.scheduleWithFixedDelay(this::beat, BEAT_MILLIS, BEAT_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** A clean stop gives up the row at once: this process's claims are free to be taken over. */
  void onStop(@Observes ShutdownEvent stop) {
    if (beats != null) {
      beats.shutdownNow();
    }
    synchronized (this) {
      try {
        Connection c = connection();
        try (PreparedStatement ps =
            c.prepareStatement("DELETE FROM service_instances WHERE id = ?")) {
          ps.setObject(1, id);
          ps.executeUpdate();
        }
      } catch (SQLException | RuntimeException ignored) {
        // the row then simply stops being kept alive
      }
      close();
    }
  }

  synchronized void beat() {
    try {
      Connection c = connection();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO service_instances (id, started_at, seen_at) VALUES (?, now(), now())"
                  + " ON CONFLICT (id) DO UPDATE SET seen_at = now()")) {
        ps.setObject(1, id);
        ps.executeUpdate();
      }
      if (beatsSincePurge++ % 3600 == 0) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM service_instances WHERE seen_at < now() - interval '1 day'")) {
          ps.executeUpdate();
        }
      }
      lastBeat = System.nanoTime();
      everBeat = true;
    } catch (SQLException | RuntimeException failed) {
      LOG.debugf("presence beat failed: %s", failed.getMessage());
      close();
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      Properties props = new Properties();
      props.setProperty("user", user);
      props.setProperty("password", password);
      props.setProperty("connectTimeout", "1");
      props.setProperty("socketTimeout", "2");
      props.setProperty("ApplicationName", "crm-presence");
      connection = DriverManager.getConnection(url, props);
      connection.setAutoCommit(true);
    }
    return connection;
  }

  private void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already gone
      }
      connection = null;
    }
  }
}
