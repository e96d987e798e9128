package dev.headlesscrm.platform.webhooks;

import dev.headlesscrm.platform.persistence.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries and records what came back.
 *
 * <p>A sender first claims deliveries in a short transaction: it moves each one's attempt count on,
 * sets a lease ({@code lease_until}: the timeout and a margin), and inserts the attempt's log row
 * ({@code IN_FLIGHT}). The rows are taken with {@code FOR UPDATE SKIP LOCKED}, and the log row's
 * key is (delivery, attempt), so two replicas never make the same attempt. Only the first pending
 * delivery of each record (per subscription) may be claimed: a record's events go out one at a
 * time, in feed order. Then it sends, without a transaction open, and records the outcome in
 * another short one. A sender that dies mid-way leaves a lease that runs out; the delivery is then
 * claimed again (its open attempt is marked {@code INTERRUPTED}), so nothing is lost, and a
 * receiver that did get the first try sees the same {@code webhook-id} twice (at least once).
 *
 * <p>A 2xx within {@code crm.webhooks.timeout} is success; anything else — a redirect included — is
 * a failure, retried on {@link RetrySchedule} ({@code Retry-After} honoured on 429 and 503) until
 * {@code crm.webhooks.retry-for} after the first attempt; 410 Gone disables the subscription at
 * once, and so does a long enough run of failures ({@link WebhooksConfig#disableAfter}).
 */
@ApplicationScoped
public class WebhookSender {

  static final int BODY_BYTES = 2048;
  static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
  static final String USER_AGENT = "HeadlessCRM-Webhooks/1";

  private static final Logger LOG = Logger.getLogger(WebhookSender.class);

  private static final String CLAIM =
      """
      WITH due AS (
          SELECT d.id
          FROM webhook_deliveries d
          JOIN webhook_subscriptions s ON s.id = d.subscription_id
          WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
            AND (d.lease_until IS NULL OR d.lease_until < ?)
            AND s.active AND s.deleted_at IS NULL
            AND NOT EXISTS (
                SELECT 1 FROM webhook_deliveries e
                WHERE e.subscription_id = d.subscription_id AND e.resource_id = d.resource_id
                  AND e.status = 'PENDING'
                  AND (e.event_sequence, e.id) < (d.event_sequence, d.id))
          ORDER BY d.next_attempt_at, d.id
          LIMIT ?
          FOR UPDATE OF d SKIP LOCKED
      )
      UPDATE webhook_deliveries d
      SET attempts = d.attempts + 1, lease_until = ?,
          first_attempt_at = coalesce(d.first_attempt_at, ?), last_attempt_at = ?
      FROM due, webhook_subscriptions s
      WHERE d.id = due.id AND s.id = d.subscription_id
      RETURNING d.id, d.attempts, d.subscription_id, d.event_id, d.payload, d.first_attempt_at,
                s.url, s.secret, s.previous_secret, s.previous_secret_expires_at
      """;

  @Inject EntityManager em;
  @Inject WebhooksConfig config;
  @Inject WebhookService subscriptions;
  @Inject WebhookTargets targets;

  private volatile HttpClient client;
  private volatile ExecutorService pool;

  /** One attempt a sender holds: what to send, and where. */
  public record Claim(
      UUID deliveryId,
      int attempt,
      UUID subscriptionId,
      UUID eventId,
      String url,
      String payload,
      Instant firstAttemptAt,
      Map<String, String> headers) {}

  /** What one attempt got: an answer (status, first bytes, Retry-After) or an error. */
  public record Result(
      Integer status, String body, String retryAfter, String error, long latencyMillis) {

    boolean succeeded() {
      return status != null && status >= 200 && status < 300;
    }
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /**
   * Sends everything due now, {@code crm.webhooks.concurrency} at a time, until nothing is due.
   *
   * @return how many attempts were made
   */
  public int sendDue() {
    int total = 0;
    while (true) {
      List<Claim> claims = claim(config.concurrency());
      if (claims.isEmpty()) {
        return total;
      }
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (Claim c : claims) {
        running.add(
            CompletableFuture.supplyAsync(() -> send(c), pool())
                .thenAccept(result -> finish(c, result)));
      }
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
      total += claims.size();
    }
  }

  /** Claims up to {@code max} due deliveries for this sender (its attempt, its lease). */
  public List<Claim> claim(int max) {
    return QuarkusTransaction.requiringNew().call(() -> claimIn(max));
  }

  private List<Claim> claimIn(int max) {
    Instant now = Clock.now();
    Instant lease = now.plus(config.timeout()).plus(LEASE_MARGIN);
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              List<Claim> claims = new ArrayList<>();
              try (PreparedStatement q = c.prepareStatement(CLAIM)) {
                q.setObject(1, now.atOffset(ZoneOffset.UTC));
                q.setObject(2, now.atOffset(ZoneOffset.UTC));
                q.setInt(3, max);
                q.setObject(4, lease.atOffset(ZoneOffset.UTC));
                q.setObject(5, now.atOffset(ZoneOffset.UTC));
                q.setObject(6, now.atOffset(ZoneOffset.UTC));
                try (ResultSet r = q.executeQuery()) {
                  while (r.next()) {
                    UUID eventId = r.getObject(4, UUID.class);
                    String payload = r.getString(5);
                    OffsetDateTime previousExpires = r.getObject(10, OffsetDateTime.class);
                    String previous =
                        previousExpires != null && previousExpires.toInstant().isAfter(now)
                            ? r.getString(9)
                            : null;
                    claims.add(
                        new Claim(
                            r.getObject(1, UUID.class),
                            r.getInt(2),
                            r.getObject(3, UUID.class),
                            eventId,
                            r.getString(7),
                            payload,
                            r.getObject(6, OffsetDateTime.class).toInstant(),
                            headers(eventId, now, payload, r.getString(8), previous)));
                  }
                }
              }
              try (PreparedStatement interrupted =
                      c.prepareStatement(
                          "UPDATE webhook_attempts SET outcome = 'INTERRUPTED',"
                              + " error = 'its sender stopped before an answer was recorded'"
                              + " WHERE delivery_id = ? AND outcome = 'IN_FLIGHT'");
                  PreparedStatement attempt =
                      c.prepareStatement(
                          "INSERT INTO webhook_attempts (delivery_id, attempt, subscription_id,"
                              + " started_at, url, request_headers, outcome) VALUES (?, ?, ?, ?,"
                              + " ?, CAST(? AS jsonb), 'IN_FLIGHT')")) {
                for (Claim claim : claims) {
                  interrupted.setObject(1, claim.deliveryId());
                  interrupted.addBatch();
                  attempt.setObject(1, claim.deliveryId());
                  attempt.setInt(2, claim.attempt());
                  attempt.setObject(3, claim.subscriptionId());
                  attempt.setObject(4, now.atOffset(ZoneOffset.UTC));
                  attempt.setString(5, claim.url());
                  attempt.setString(6, headersJson(claim.headers()));
                  attempt.addBatch();
                }
                interrupted.executeBatch();
                attempt.executeBatch();
              }
              return claims;
            });
  }

  /** The Standard Webhooks headers of one attempt: signed with every secret that signs now. */
  static Map<String, String> headers(
      UUID eventId, Instant now, String payload, String secret, String previousSecret) {
    long timestamp = now.getEpochSecond();
    String id = eventId.toString();
    String signature = WebhookSignatures.sign(secret, id, timestamp, payload);
    if (previousSecret != null) {
      signature += " " + WebhookSignatures.sign(previousSecret, id, timestamp, payload);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", signature);
    return headers;
  }

  /** Makes one attempt; never throws. */
  public Result send(Claim claim) {
    long started = System.nanoTime();
    Optional<String> refused = targets.refused(claim.url());
    if (refused.isPresent()) {
      return new Result(null, null, null, "The URL " + refused.get(), 0);
    }
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(claim.url()))
              .timeout(config.timeout())
              .header("content-type", "application/json")
              .header("user-agent", USER_AGENT)
              .POST(HttpRequest.BodyPublishers.ofString(claim.payload(), StandardCharsets.UTF_8));
      claim.headers().forEach(request::header);
      HttpResponse<InputStream> response =
          client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(BODY_BYTES), StandardCharsets.UTF_8).replace("\u0000", "");
      }
      return new Result(
          response.statusCode(),
          body,
          response.headers().firstValue("retry-after").orElse(null),
          null,
          millisSince(started));
    } catch (HttpTimeoutException e) {
      return new Result(
          null,
          null,
          null,
          "no answer within " + config.timeout().toSeconds() + " s",
          millisSince(started));
    } catch (IOException e) {
      return new Result(null, null, null, describe(e), millisSince(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(null, null, null, "interrupted", millisSince(started));
    } catch (RuntimeException e) {
      return new Result(null, null, null, describe(e), millisSince(started));
    }
  }

  /** Records an attempt's outcome and what follows from it. */
  public void finish(Claim claim, Result result) {
    try {
      QuarkusTransaction.requiringNew().run(() -> record(claim, result));
    } catch (RuntimeException e) {
      // The lease runs out and another attempt follows: nothing is lost.
      LOG.warnf(
          e,
          "Recording webhook attempt %d of delivery %s failed",
          claim.attempt(),
          claim.deliveryId());
    }
  }

  private void record(Claim claim, Result result) {
    Instant now = Clock.now();
    boolean gone = result.status() != null && result.status() == 410;
    String outcome = result.succeeded() ? "SUCCEEDED" : "FAILED";
    String error = result.error();
    if (error == null && !result.succeeded()) {
      error =
          result.status() >= 300 && result.status() < 400
              ? "a redirect is not followed; answer with 2xx at the subscribed URL"
              : null;
    }
    String attemptError = error;
    Optional<Instant> next = Optional.empty();
    if (!result.succeeded()) {
      next =
          gone
              ? Optional.of(now)
              : new RetrySchedule(config.firstRetry(), config.maxRetryInterval(), config.retryFor())
                  .next(
                      claim.attempt(),
                      claim.firstAttemptAt(),
                      now,
                      RetrySchedule.retryAfter(result.retryAfter(), now),
                      ThreadLocalRandom.current());
    }
    Optional<Instant> retryAt = next;
    int[] health = new int[1];
    Instant[] failingSince = new Instant[1];
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement u =
                  c.prepareStatement(
                      "UPDATE webhook_attempts SET outcome = ?, response_status = ?,"
                          + " response_body = ?, latency_ms = ?, error = ?"
                          + " WHERE delivery_id = ? AND attempt = ?")) {
                u.setString(1, outcome);
                u.setObject(2, result.status());
                u.setString(3, result.body());
                u.setInt(4, (int) Math.min(Integer.MAX_VALUE, result.latencyMillis()));
                u.setString(5, attemptError);
                u.setObject(6, claim.deliveryId());
                u.setInt(7, claim.attempt());
                u.executeUpdate();
              }
              if (result.succeeded()) {
                try (PreparedStatement u =
                    c.prepareStatement(
                        "UPDATE webhook_deliveries SET status = 'SUCCEEDED', lease_until = NULL,"
                            + " finished_at = ?, last_response_status = ?"
                            + " WHERE id = ? AND status = 'PENDING'")) {
                  u.setObject(1, now.atOffset(ZoneOffset.UTC));
                  u.setInt(2, result.status());
                  u.setObject(3, claim.deliveryId());
                  u.executeUpdate();
                }
                try (PreparedStatement h =
                    c.prepareStatement(
                        "INSERT INTO webhook_health (subscription_id, consecutive_failures,"
                            + " last_success_at) VALUES (?, 0, ?) ON CONFLICT (subscription_id) DO"
                            + " UPDATE SET consecutive_failures = 0, failing_since = NULL,"
                            + " last_success_at = excluded.last_success_at")) {
                  h.setObject(1, claim.subscriptionId());
                  h.setObject(2, now.atOffset(ZoneOffset.UTC));
                  h.executeUpdate();
                }
                return;
              }
              try (PreparedStatement u =
                  c.prepareStatement(
                      "UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?,"
                          + " lease_until = NULL, finished_at = ?, last_response_status = ?"
                          + " WHERE id = ? AND attempts = ? AND status = 'PENDING'")) {
                u.setString(1, retryAt.isPresent() ? "PENDING" : "FAILED");
                u.setObject(2, retryAt.orElse(now).atOffset(ZoneOffset.UTC));
                u.setObject(3, retryAt.isPresent() ? null : now.atOffset(ZoneOffset.UTC));
                u.setObject(4, result.status());
                u.setObject(5, claim.deliveryId());
                u.setInt(6, claim.attempt());
                u.executeUpdate();
              }
              try (PreparedStatement h =
                  c.prepareStatement(
                      "INSERT INTO webhook_health (subscription_id, consecutive_failures,"
                          + " failing_since, last_failure_at) VALUES (?, 1, ?, ?)"
                          + " ON CONFLICT (subscription_id) DO UPDATE SET"
                          + " consecutive_failures = webhook_health.consecutive_failures + 1,"
                          + " failing_since = coalesce(webhook_health.failing_since,"
                          + " excluded.failing_since), last_failure_at = excluded.last_failure_at"
                          + " RETURNING consecutive_failures, failing_since")) {
                h.setObject(1, claim.subscriptionId());
                h.setObject(2, now.atOffset(ZoneOffset.UTC));
                h.setObject(3, now.atOffset(ZoneOffset.UTC));
                try (ResultSet r = h.executeQuery()) {
                  r.next();
                  health[0] = r.getInt(1);
                  failingSince[0] = r.getObject(2, OffsetDateTime.class).toInstant();
                }
              }
            });
    if (result.succeeded()) {
      return;
    }
    if (gone) {
      subscriptions.disable(
          claim.subscriptionId(), "The endpoint answered 410 Gone: it no longer takes events.");
    } else if (health[0] >= config.disableAfterFailures()
        && !failingSince[0].isAfter(now.minus(config.disableAfter()))) {
      subscriptions.disable(
          claim.subscriptionId(),
          "Every attempt failed since "
              + failingSince[0]
              + " ("
              + health[0]
              + " in a row); re-enable it by setting active to true.");
    }
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client =
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .connectTimeout(config.timeout())
                  .build();
        }
        c = client;
      }
    }
    return c;
  }

  private ExecutorService pool() {
    ExecutorService p = pool;
    if (p == null) {
      synchronized (this) {
        if (pool == null) {
          pool =
              Executors.newFixedThreadPool(
                  Math.max(1, config.concurrency()),
                  task -> {
                    Thread t = new Thread(task, "crm-webhook-sender");
                    t.setDaemon(true);
                    return t;
                  });
        }
        p = pool;
      }
    }
    return p;
  }

  private static String headersJson(Map<String, String> headers) {
    return headers.entrySet().stream()
        .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    String what = e.getClass().getSimpleName();
    String text = message == null ? what : what + ": " + message;
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
