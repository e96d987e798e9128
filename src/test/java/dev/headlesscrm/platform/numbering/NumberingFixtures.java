package dev.headlesscrm.platform.numbering;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Rules of their own for tests, so that no test changes the seeded rules others rely on. */
final class NumberingFixtures {

  private NumberingFixtures() {}

  /** Inserts a rule under a fresh key and returns the key. */
  static String rule(AgroalDataSource db, String pattern, ResetPolicy reset) {
    String key = "test-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version,"
                    + " created_at, updated_at) VALUES (?, '测试编号', ?, ?, 0, now(), now())")) {
      ps.setString(1, key);
      ps.setString(2, pattern);
      ps.setString(3, reset.name());
      ps.executeUpdate();
      return key;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The counter of a rule's period, 0 when it has none. */
  static long counter(AgroalDataSource db, String key, String period) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT value FROM numbering_counters WHERE rule_key = ? AND period = ?")) {
      ps.setString(1, key);
      ps.setString(2, period);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
