package dev.headlesscrm.platform.webhooks;

import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.persistence.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

  /**
   * For each active subscription, its due deliveries that head their record's queue, up to what the
   * subscription may still have in flight; of those the most overdue, locked and leased.
   */
  private static final String CLAIM =
      """
      WITH candidates AS (
          SELECT x.id, x.next_attempt_at
          FROM webhook_subscriptions s
          CROSS JOIN LATERAL (
              SELECT d.id, d.next_attempt_at
              FROM webhook_deliveries d
              WHERE d.subscription_id = s.id AND d.status = 'PENDING'
                AND d.next_attempt_at <= ?
                AND (d.lease_until IS NULL OR d.lease_until < ?)
                AND NOT EXISTS (
                    SELECT 1 FROM webhook_deliveries e
                    WHERE e.subscription_id = d.subscription_id AND e.resource_id = d.resource_id
                      AND e.status = 'PENDING'
                      AND (e.event_sequence, e.id) < (d.event_sequence, d.id))
              ORDER BY d.next_attempt_at, d.id
              LIMIT greatest(0, ? - (
                  SELECT count(*) FROM webhook_deliveries f
                  WHERE f.subscription_id = s.id AND f.status = 'PENDING'
                    AND f.lease_until >= ?))
          ) x
          WHERE s.active AND s.deleted_at IS NULL
      ),
      due AS (
          SELECT d.id
          FROM webhook_deliveries d
          JOIN candidates c ON c.id = d.id
          ORDER BY c.next_attempt_at, d.id
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

  @Inject Sql sql;
  @Inject WebhooksConfig config;
  @Inject WebhookService subscriptions;
  @Inject WebhookTargets targets;

  private HttpClient client;
  private ExecutorService pool;

  @PostConstruct
  void init() {
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.timeout())
            .build();
    pool =
        Executors.newFixedThreadPool(
            Math.max(1, config.concurrency()),
            task -> {
              Thread t = new Thread(task, "crm-webhook-sender");
              t.setDaemon(true);
              return t;
            });
  }

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

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  /**
   * Sends everything due now until nothing is due and nothing is in flight, at most {@code
   * crm.webhooks.concurrency} at once: a slot that frees up is filled at once, so a slow receiver
   * holds only its own slots (and at most {@code per-subscription-concurrency} of them across all
   * replicas), never the others' deliveries.
   *
   * @return how many attempts were made
   */
  public int sendDue() {
    int slots = Math.max(1, config.concurrency());
    java.util.concurrent.Semaphore free = new java.util.concurrent.Semaphore(slots);
    java.util.concurrent.BlockingQueue<Boolean> finished =
        new java.util.concurrent.LinkedBlockingQueue<>();
    long wait = Math.max(50, config.pollInterval().toMillis());
    int total = 0;
    while (true) {
      free.acquireUninterruptibly();
      int wanted = 1 + free.drainPermits();
      List<Claim> claims = claim(wanted);
      free.release(wanted - claims.size());
      if (claims.isEmpty()) {
        if (free.availablePermits() == slots) {
          return total; // nothing due, nothing in flight
        }
        // Wait for a send to finish: it may make its record's next event due.
        try {
          finished.poll(wait, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return total;
        }
        continue;
      }
      for (Claim c : claims) {
        CompletableFuture.supplyAsync(() -> send(c), pool)
            .thenAccept(result -> finish(c, result))
            .whenComplete(
                (done, failed) -> {
                  free.release();
                  finished.offer(Boolean.TRUE);
                });
      }
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
    List<Claim> claims =
        sql.list(
            CLAIM,
            r -> {
              UUID eventId = Sql.uuid(r, 4);
              String payload = r.getString(5);
              Instant previousExpires = Sql.instant(r, 10);
              String previous =
                  previousExpires != null && previousExpires.isAfter(now) ? r.getString(9) : null;
              return new Claim(
                  Sql.uuid(r, 1),
                  r.getInt(2),
                  Sql.uuid(r, 3),
                  eventId,
                  r.getString(7),
                  payload,
                  Sql.instant(r, 6),
                  headers(eventId, now, payload, r.getString(8), previous));
            },
            now,
            now,
            config.perSubscriptionConcurrency(),
            now,
            max,
            lease,
            now,
            now);
    for (Claim claim : claims) {
      sql.update(
          "UPDATE webhook_attempts SET outcome = 'INTERRUPTED',"
              + " error = 'its sender stopped before an answer was recorded'"
              + " WHERE delivery_id = ? AND outcome = 'IN_FLIGHT'",
          claim.deliveryId());
      sql.update(
          "INSERT INTO webhook_attempts (delivery_id, attempt, subscription_id, started_at, url,"
              + " request_headers, outcome) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), 'IN_FLIGHT')",
          claim.deliveryId(),
          claim.attempt(),
          claim.subscriptionId(),
          now,
          claim.url(),
          headersJson(claim.headers()));
    }
    return claims;
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
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
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
    sql.update(
        "UPDATE webhook_attempts SET outcome = ?, response_status = ?, response_body = ?,"
            + " latency_ms = ?, error = ? WHERE delivery_id = ? AND attempt = ?",
        outcome,
        result.status(),
        result.body(),
        (int) Math.min(Integer.MAX_VALUE, result.latencyMillis()),
        attemptError,
        claim.deliveryId(),
        claim.attempt());
    if (result.succeeded()) {
      sql.update(
          "UPDATE webhook_deliveries SET status = 'SUCCEEDED', lease_until = NULL,"
              + " finished_at = ?, last_response_status = ? WHERE id = ? AND status = 'PENDING'",
          now,
          result.status(),
          claim.deliveryId());
      sql.update(
          "INSERT INTO webhook_health (subscription_id, consecutive_failures, last_success_at)"
              + " VALUES (?, 0, ?) ON CONFLICT (subscription_id) DO UPDATE SET"
              + " consecutive_failures = 0, failing_since = NULL,"
              + " last_success_at = excluded.last_success_at",
          claim.subscriptionId(),
          now);
      return;
    }
    sql.update(
        "UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, lease_until = NULL,"
            + " finished_at = ?, last_response_status = ?"
            + " WHERE id = ? AND attempts = ? AND status = 'PENDING'",
        next.isPresent() ? "PENDING" : "FAILED",
        next.orElse(now),
        next.isPresent() ? null : now,
        result.status(),
        claim.deliveryId(),
        claim.attempt());
    Object[] health =
        sql.one(
                "INSERT INTO webhook_health (subscription_id, consecutive_failures,"
                    + " failing_since, last_failure_at) VALUES (?, 1, ?, ?)"
                    + " ON CONFLICT (subscription_id) DO UPDATE SET"
                    + " consecutive_failures = webhook_health.consecutive_failures + 1,"
                    + " failing_since = coalesce(webhook_health.failing_since,"
                    + " excluded.failing_since), last_failure_at = excluded.last_failure_at"
                    + " RETURNING consecutive_failures, failing_since",
                r -> new Object[] {r.getInt(1), Sql.instant(r, 2)},
                claim.subscriptionId(),
                now,
                now)
            .orElseThrow();
    int failures = (Integer) health[0];
    Instant failingSince = (Instant) health[1];

    if (gone) {
      subscriptions.disable(
          claim.subscriptionId(), "The endpoint answered 410 Gone: it no longer takes events.");
    } else if (failures >= config.disableAfterFailures()
        && !failingSince.isAfter(now.minus(config.disableAfter()))) {
      subscriptions.disable(
          claim.subscriptionId(),
          "Every attempt failed since "
              + failingSince
              + " ("
              + failures
              + " in a row); re-enable it by setting active to true.");
    }
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
