package dev.headlesscrm.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code idempotency_keys} table, in PostgreSQL so that every replica sees every key. Each
 * method runs in its own short transaction that commits before it returns: a claim is visible to
 * other pods before the request it guards starts, whatever that request's transaction does later.
 */
@ApplicationScoped
public class IdempotencyStore {

  /** Whether the first request with a key is still running or has answered. */
  public enum State {
    IN_FLIGHT,
    /** The request committed its change; its answer is not stored (yet). */
    COMMITTED,
    COMPLETED
  }

  /**
   * The record a COMMITTED key's request changed, and whether its answer may still come (its
   * process is alive and the request began less than 30 s ago).
   */
  public record Committed(String resource, UUID id, String action, boolean claimantAlive) {}

  /** What a claim found: the key is ours now, or it is already used. */
  public sealed interface Claim permits Claimed, Existing {}

  /** The key was free (or expired, or held by a request presumed lost) and is now ours. */
  public record Claimed(UUID claimId) implements Claim {}

  /** Someone with the same caller already used the key. */
  public record Existing(StoredKey key) implements Claim {}

  /** A key's row: the request it was first used for and, once answered, the answer. */
  public record StoredKey(
      String method,
      String path,
      byte[] requestHash,
      State state,
      StoredResponse response,
      Committed committed) {

    public boolean sameRequest(String method, String path, byte[] requestHash) {
      return this.method.equals(method)
          && this.path.equals(path)
          && MessageDigest.isEqual(this.requestHash, requestHash);
    }
  }

  private static final TypeReference<LinkedHashMap<String, String>> HEADERS =
      new TypeReference<>() {};

  @Inject AgroalDataSource dataSource;
  @Inject IdempotencyConfig config;
  @Inject dev.headlesscrm.platform.persistence.PodPresence presence;
  @Inject ObjectMapper json;

  /**
   * Claims a key for a request (INSERT ... ON CONFLICT), or returns the row of whoever used it. An
   * expired row, or an in-flight row of the very same request that is older than {@code
   * crm.idempotency.in-flight-timeout} or whose process stopped keeping its presence alive ({@code
   * crm.presence.lease}: it was killed mid-request), is taken over in the same statement.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Claim claim(String caller, String key, String method, String path, byte[] requestHash) {
    try (Connection c = dataSource.getConnection()) {
      // A row released between our INSERT and SELECT is claimable again: a few rounds settle it.
      for (int round = 0; round < 3; round++) {
        UUID claimId = UUID.randomUUID();
        if (insert(c, caller, key, method, path, requestHash, claimId)) {
          return new Claimed(claimId);
        }
        Optional<StoredKey> existing = find(c, caller, key);
        if (existing.isPresent()) {
          return new Existing(existing.get());
        }
      }
      throw new IllegalStateException("Idempotency key kept changing hands: " + key);
    } catch (SQLException e) {
      throw new IdempotencyStoreException(e);
    }
  }

  /** Stores the answer of a claimed key; a no-op when the claim was lost meanwhile. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean complete(String caller, String key, UUID claimId, StoredResponse response) {
    String headers;
    try {
      headers = json.writeValueAsString(response.headers());
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
    return update(
        "UPDATE idempotency_keys SET state = 'COMPLETED', response_status = ?,"
            + " response_headers = ?::jsonb, response_body = ?, completed_at = now()"
            + " WHERE caller_subject = ? AND idempotency_key = ? AND claim_id = ?"
            + " AND state IN ('IN_FLIGHT', 'COMMITTED')",
        ps -> {
          ps.setInt(1, response.status());
          ps.setString(2, headers);
          ps.setBytes(3, response.body());
          ps.setString(4, caller);
          ps.setString(5, key);
          ps.setObject(6, claimId);
        });
  }

  /**
   * Marks a claimed key COMMITTED with the record its request changed, in the caller's own
   * (business) transaction: the mark commits exactly when the change does.
   */
  public void markCommitted(
      jakarta.persistence.EntityManager em,
      String caller,
      String key,
      UUID claimId,
      String resource,
      UUID id,
      String action) {
    em.createNativeQuery(
            "UPDATE idempotency_keys SET state = 'COMMITTED', committed_resource = ?1,"
                + " committed_id = ?2, committed_action = ?3 WHERE caller_subject = ?4"
                + " AND idempotency_key = ?5 AND claim_id = ?6 AND state = 'IN_FLIGHT'")
        .setParameter(1, resource)
        .setParameter(2, id)
        .setParameter(3, action)
        .setParameter(4, caller)
        .setParameter(5, key)
        .setParameter(6, claimId)
        .executeUpdate();
  }

  /** Frees a claimed key that has no answer worth keeping, so the client may retry with it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean release(String caller, String key, UUID claimId) {
    return update(
        "DELETE FROM idempotency_keys WHERE caller_subject = ? AND idempotency_key = ?"
            + " AND claim_id = ? AND state = 'IN_FLIGHT'",
        ps -> {
          ps.setString(1, caller);
          ps.setString(2, key);
          ps.setObject(3, claimId);
        });
  }

  /** Deletes up to {@code limit} expired keys, skipping rows other pods are deleting. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeExpired(int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY("
                    + "SELECT ctid FROM idempotency_keys WHERE expires_at < now()"
                    + " LIMIT ? FOR UPDATE SKIP LOCKED))")) {
      ps.setInt(1, limit);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IdempotencyStoreException(e);
    }
  }

  /** The row of a key, for tests and diagnostics. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<StoredKey> find(String caller, String key) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, caller, key);
    } catch (SQLException e) {
      throw new IdempotencyStoreException(e);
    }
  }

  private boolean insert(
      Connection c,
      String caller,
      String key,
      String method,
      String path,
      byte[] requestHash,
      UUID claimId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO idempotency_keys AS k (caller_subject, idempotency_key, request_method,"
                + " request_path, request_hash, state, claim_id, created_at, expires_at,"
                + " claimed_by)"
                + " VALUES (?, ?, ?, ?, ?, 'IN_FLIGHT', ?, now(), now() + ? * interval '1 ms', ?)"
                + " ON CONFLICT (caller_subject, idempotency_key) DO UPDATE SET"
                + " request_method = excluded.request_method, request_path = excluded.request_path,"
                + " request_hash = excluded.request_hash, state = 'IN_FLIGHT',"
                + " claim_id = excluded.claim_id, response_status = NULL,"
                + " response_headers = NULL, response_body = NULL, created_at = now(),"
                + " completed_at = NULL, expires_at = excluded.expires_at,"
                + " claimed_by = excluded.claimed_by, committed_resource = NULL,"
                + " committed_id = NULL, committed_action = NULL"
                + " WHERE k.expires_at <= now()"
                + " OR (k.state = 'IN_FLIGHT'"
                // in flight for too long, or its process stopped keeping its presence alive
                + " AND (k.created_at <= now() - ? * interval '1 ms'"
                + " OR (k.claimed_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM service_instances i"
                + " WHERE i.id = k.claimed_by AND i.seen_at > now() - ? * interval '1 ms')))"
                + " AND k.request_method = excluded.request_method"
                + " AND k.request_path = excluded.request_path"
                + " AND k.request_hash = excluded.request_hash)"
                + " RETURNING claim_id")) {
      ps.setString(1, caller);
      ps.setString(2, key);
      ps.setString(3, method);
      ps.setString(4, path);
      ps.setBytes(5, requestHash);
      ps.setObject(6, claimId);
      ps.setLong(7, config.ttl().toMillis());
      ps.setObject(8, presence.id());
      ps.setLong(9, config.inFlightTimeout().toMillis());
      ps.setLong(10, presence.lease().toMillis());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private Optional<StoredKey> find(Connection c, String caller, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT request_method, request_path, request_hash, state, response_status,"
                + " response_headers::text, response_body, committed_resource, committed_id,"
                + " committed_action, k.created_at > now() - interval '30 seconds'"
                + " AND EXISTS (SELECT 1 FROM service_instances i"
                + " WHERE i.id = k.claimed_by AND i.seen_at > now() - ? * interval '1 ms')"
                + " FROM idempotency_keys k WHERE caller_subject = ? AND idempotency_key = ?")) {
      ps.setLong(1, presence.lease().toMillis());
      ps.setString(2, caller);
      ps.setString(3, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        State state = State.valueOf(rs.getString(4));
        StoredResponse response = null;
        if (state == State.COMPLETED) {
          byte[] body = rs.getBytes(7);
          response =
              new StoredResponse(
                  rs.getInt(5), headers(rs.getString(6)), body == null ? new byte[0] : body);
        }
        Committed committed =
            state == State.COMMITTED
                ? new Committed(
                    rs.getString(8), (UUID) rs.getObject(9), rs.getString(10), rs.getBoolean(11))
                : null;
        return Optional.of(
            new StoredKey(
                rs.getString(1), rs.getString(2), rs.getBytes(3), state, response, committed));
      }
    }
  }

  private Map<String, String> headers(String stored) {
    if (stored == null) {
      return Map.of();
    }
    try {
      return json.readValue(stored, HEADERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable stored headers", e);
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private boolean update(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IdempotencyStoreException(e);
    }
  }

  /** A database failure, kept as the cause so the problem classifier can answer 503 for it. */
  public static class IdempotencyStoreException extends RuntimeException {
    IdempotencyStoreException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
