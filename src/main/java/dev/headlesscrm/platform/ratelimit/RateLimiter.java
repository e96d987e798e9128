package dev.headlesscrm.platform.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Counts points against limits per fixed window, shared by every replica through PostgreSQL (table
 * {@code rate_limit_counts}): one row per key and window holds how many points all replicas
 * together have taken. A replica takes points in blocks (a share of the limit) with one atomic
 * UPDATE, and spends them locally, so most requests cost no database round trip; a block is never
 * larger than what the window has left, so all replicas together never admit more than the limit. A
 * caller refused by one replica may have a block's worth unspent in each other one.
 *
 * <p>No CDI: the service holds one ({@link RateLimits}); a test makes two, as two replicas.
 */
public final class RateLimiter {

  /** One limit a request counts against: a name for the headers, the counted key, the limit. */
  public record Policy(String name, String key, int limit) {}

  /** Where one policy stands after a request. */
  public record Standing(String name, int limit, int remaining, Instant resetsAt) {}

  /** Admitted or not, and where each policy stands. */
  public record Decision(boolean allowed, List<Standing> standings, Instant retryAt) {}

  private static final String CREATE =
      "INSERT INTO rate_limit_counts (key, window_start, used) VALUES (?, ?, 0)"
          + " ON CONFLICT DO NOTHING";

  private static final String TAKE =
      """
      WITH before AS (
          SELECT used FROM rate_limit_counts WHERE key = ? AND window_start = ? FOR UPDATE
      )
      UPDATE rate_limit_counts c
      SET used = c.used + least(?, greatest(0, ? - before.used))
      FROM before
      WHERE c.key = ? AND c.window_start = ?
      RETURNING c.used, c.used - before.used
      """;

  private final DataSource db;
  private final Duration window;
  private final double blockShare;
  private final Supplier<Instant> clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** What this replica knows of one key in the current window. */
  private static final class Bucket {
    long windowStart = Long.MIN_VALUE;

    /** Points this replica took from the shared count. */
    int granted;

    /** Points this replica spent of those. */
    int spent;

    /** The shared count as of the last block taken (this replica's grants included). */
    int sharedUsed;
  }

  public RateLimiter(DataSource db, Duration window, double blockShare, Supplier<Instant> clock) {
    this.db = db;
    this.window = window;
    this.blockShare = blockShare;
    this.clock = clock;
  }

  /**
   * The decision if it needs no database round trip (every policy has the points locally), else
   * null, having spent nothing: call {@link #charge} off the event loop then.
   */
  public Decision tryLocally(List<Policy> policies, int cost) {
    return spend(policies, cost, false);
  }

  /** Spends {@code cost} points on every policy, or on none (the request is refused). */
  public Decision charge(List<Policy> policies, int cost) {
    return spend(policies, cost, true);
  }

  private Decision spend(List<Policy> policies, int cost, boolean mayTake) {
    Instant now = clock.get();
    long start = windowStart(now);
    Instant resetsAt = Instant.ofEpochMilli(start + window.toMillis());
    List<Standing> standings = new ArrayList<>(policies.size());
    int charged = 0;
    boolean allowed = true;
    for (Policy p : policies) {
      Bucket b =
          mayTake ? buckets.computeIfAbsent(p.key(), k -> new Bucket()) : buckets.get(p.key());
      if (b == null) {
        refund(policies, charged, cost, start);
        return null;
      }
      synchronized (b) {
        if (b.windowStart != start) {
          b.windowStart = start;
          b.granted = 0;
          b.spent = 0;
          b.sharedUsed = 0;
        }
        int missing = cost - (b.granted - b.spent);
        if (missing > 0 && b.sharedUsed < p.limit()) {
          if (!mayTake) {
            refund(policies, charged, cost, start);
            return null;
          }
          int block = Math.max(missing, Math.max(1, (int) (p.limit() * blockShare)));
          int[] took = take(p.key(), start, block, p.limit());
          b.granted += took[1];
          b.sharedUsed = took[0];
        }
        if (allowed && b.granted - b.spent >= cost) {
          b.spent += cost;
          charged++;
        } else {
          allowed = false;
        }
        standings.add(standing(p, b, resetsAt));
      }
    }
    if (!allowed) {
      refund(policies, charged, cost, start);
      standings.clear();
      for (Policy p : policies) {
        standings.add(standing(p, start, resetsAt));
      }
    }
    return new Decision(allowed, standings, allowed ? null : resetsAt);
  }

  /** Gives back what the first {@code charged} policies spent of a request that does not run. */
  private void refund(List<Policy> policies, int charged, int cost, long start) {
    for (int i = 0; i < charged; i++) {
      Bucket b = buckets.get(policies.get(i).key());
      synchronized (b) {
        if (b.windowStart == start) {
          b.spent -= cost;
        }
      }
    }
  }

  /** Where the policies stand now, spending nothing (no database round trip). */
  public List<Standing> standing(List<Policy> policies) {
    Instant now = clock.get();
    long start = windowStart(now);
    Instant resetsAt = Instant.ofEpochMilli(start + window.toMillis());
    List<Standing> out = new ArrayList<>();
    for (Policy p : policies) {
      out.add(standing(p, start, resetsAt));
    }
    return out;
  }

  private Standing standing(Policy p, long start, Instant resetsAt) {
    Bucket b = buckets.get(p.key());
    if (b == null) {
      return new Standing(p.name(), p.limit(), p.limit(), resetsAt);
    }
    synchronized (b) {
      return b.windowStart == start
          ? standing(p, b, resetsAt)
          : new Standing(p.name(), p.limit(), p.limit(), resetsAt);
    }
  }

  /** Under the bucket's lock, in its current window. */
  private static Standing standing(Policy p, Bucket b, Instant resetsAt) {
    int remaining = p.limit() - b.sharedUsed + (b.granted - b.spent);
    return new Standing(p.name(), p.limit(), Math.max(0, Math.min(p.limit(), remaining)), resetsAt);
  }

  /** Forgets keys of windows before the current one (memory stays bounded by active callers). */
  public void forgetOld() {
    long start = windowStart(clock.get());
    buckets.values().removeIf(b -> b.windowStart < start);
  }

  long windowStart(Instant now) {
    long length = window.toMillis();
    return Math.floorDiv(now.toEpochMilli(), length) * length;
  }

  /** Takes up to {@code block} points from the shared count: {new shared count, points taken}. */
  private int[] take(String key, long start, int block, int limit) {
    var windowStart = Instant.ofEpochMilli(start).atOffset(ZoneOffset.UTC);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement create = c.prepareStatement(CREATE)) {
        create.setString(1, key);
        create.setObject(2, windowStart);
        create.executeUpdate();
      }
      try (PreparedStatement take = c.prepareStatement(TAKE)) {
        take.setString(1, key);
        take.setObject(2, windowStart);
        take.setInt(3, block);
        take.setInt(4, limit);
        take.setString(5, key);
        take.setObject(6, windowStart);
        try (ResultSet r = take.executeQuery()) {
          r.next();
          return new int[] {r.getInt(1), r.getInt(2)};
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Rate limit counts are unavailable", e);
    }
  }
}
