package dev.headlesscrm.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Benchmarks run on their own database, {@code crm_bench} (scripts/bench/ creates it), which keeps
 * its rows between runs: seeding a million customers takes minutes, so Flyway only migrates it. The
 * schema is cleaned at start only when {@code -Dbench.reseed=true} is given or the {@code
 * customers} table is missing (a new or half-migrated database). After an incompatible change to an
 * applied migration, Flyway's validation stops the start: run once with {@code
 * -Dbench.reseed=true}.
 */
public class BenchProfile implements QuarkusTestProfile {

  static final String URL =
      System.getProperty("bench.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/crm_bench");
  static final String USER = "crm";
  static final String PASSWORD = "crm";

  @Override
  public Map<String, String> getConfigOverrides() {
    boolean clean = clean();
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", URL);
    config.put("quarkus.datasource.username", USER);
    config.put("quarkus.datasource.password", PASSWORD);
    config.put("quarkus.flyway.clean-at-start", String.valueOf(clean));
    config.put("quarkus.flyway.clean-disabled", String.valueOf(!clean));
    // Migrations written in parallel may land with lower numbers than the kept database has seen.
    config.put("quarkus.flyway.out-of-order", "true");
    // Measure the service, not the test profile's statement counting.
    config.put("quarkus.hibernate-orm.statistics", "false");
    // A free port: a test run in the same tree may hold the usual 8081.
    config.put("quarkus.http.test-port", "0");
    return config;
  }

  private static Boolean clean;

  /** Decided once per JVM: the answer must not change once Flyway has created the table. */
  static synchronized boolean clean() {
    if (clean == null) {
      clean = Boolean.getBoolean("bench.reseed") || !customersTableExists();
    }
    return clean;
  }

  /** Whether crm_bench already has the customers table; false when it cannot be reached. */
  static boolean customersTableExists() {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT to_regclass('public.customers') IS NOT NULL")) {
      return r.next() && r.getBoolean(1);
    } catch (SQLException e) {
      // Quarkus reports the unreachable database itself, with the URL.
      return false;
    }
  }
}
