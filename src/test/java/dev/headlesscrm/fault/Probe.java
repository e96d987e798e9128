package dev.headlesscrm.fault;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The short-request probe of {@code scripts/fault/exports.sh} and {@code
 * scripts/fault/keycloak-outage.sh} (not a test; run with the test classpath): every 200 ms, one
 * after the other, liveness, readiness, one customer, a list of one and a create with an
 * Idempotency-Key of its own, each timed. The phase named in {@code PHASE_FILE} (written by the
 * script: {@code before}, {@code flood}, {@code outage}, {@code after}...) tags every call; when it
 * says {@code stop} the probe prints, per phase and kind, the statuses and p50/p99/max latency, and
 * every call that did not degrade gracefully, then exits.
 *
 * <p>Graceful means: liveness and readiness answer 200 within {@code FAULT_HEALTH_MS} (1,000 ms);
 * API calls are served (2xx) or refused with 503/429 {@code application/problem+json} with {@code
 * Retry-After} within {@code FAULT_REFUSE_MS} (1,500 ms: the pool's one-second acquisition timeout
 * and a little). Anything else — a 500, a 401 of a token that was valid, no answer within 10 s — is
 * a violation. The last line is {@code VIOLATIONS=<n>}.
 *
 * <p>Usage: {@code Probe BASE CUSTOMER_ID RUN PHASE_FILE LOG_FILE}; the bearer token comes from
 * {@code FAULT_TOKEN_FILE}, read again when it changes.
 */
public final class Probe {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private static final String[] KINDS = {"live", "ready", "get", "list", "create"};

  private record Call(String phase, String kind, int status, long millis, String detail) {}

  private Probe() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String customerId = args[1];
    String run = args[2];
    Path phaseFile = Path.of(args[3]);
    Path tokenFile = Path.of(System.getenv("FAULT_TOKEN_FILE"));
    long healthMs = Long.parseLong(System.getenv().getOrDefault("FAULT_HEALTH_MS", "1000"));
    long refuseMs = Long.parseLong(System.getenv().getOrDefault("FAULT_REFUSE_MS", "1500"));
    List<Call> calls = new ArrayList<>();
    // One untimed call first: the client's own start (class loading, the first connection) is not
    // the service's latency.
    HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/q/health/live")).build(),
        HttpResponse.BodyHandlers.discarding());
    try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])), true)) {
      int n = 0;
      while (true) {
        String phase = Files.exists(phaseFile) ? Files.readString(phaseFile).trim() : "before";
        if (phase.equals("stop")) {
          break;
        }
        String token = Files.readString(tokenFile).trim();
        n++;
        for (String kind : KINDS) {
          HttpRequest.Builder r =
              HttpRequest.newBuilder().timeout(Duration.ofSeconds(10)).header("Accept", "*/*");
          switch (kind) {
            case "live" -> r.uri(URI.create(base + "/q/health/live"));
            case "ready" -> r.uri(URI.create(base + "/q/health/ready"));
            case "get" -> r.uri(URI.create(base + "/api/v1/customers/" + customerId));
            case "list" -> r.uri(URI.create(base + "/api/v1/customers?limit=1"));
            default ->
                r.uri(URI.create(base + "/api/v1/customers"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "probe-" + run + "-" + n)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"probe-" + run + "-" + n + "\",\"city\":\"上海\"}"));
          }
          if (!kind.equals("live") && !kind.equals("ready")) {
            r.header("Authorization", "Bearer " + token);
          }
          long start = System.nanoTime();
          int status;
          String retryAfter = "-";
          String type = "-";
          try {
            HttpResponse<String> response =
                HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            retryAfter = response.headers().firstValue("Retry-After").orElse("-");
            type = response.headers().firstValue("Content-Type").orElse("-").split(";")[0];
          } catch (IOException e) {
            status = 0;
            type = e.getClass().getSimpleName();
          }
          long millis = (System.nanoTime() - start) / 1_000_000;
          String problem = judge(kind, status, millis, retryAfter, type, healthMs, refuseMs);
          calls.add(new Call(phase, kind, status, millis, problem));
          log.printf(
              "%d %s %s %d %d %s %s%s%n",
              System.currentTimeMillis(),
              phase,
              kind,
              status,
              millis,
              retryAfter,
              type,
              problem == null ? "" : " VIOLATION " + problem);
        }
        Thread.sleep(200);
      }
    }
    summarize(calls);
  }

  /** Null when the call degraded gracefully, else what was wrong with it. */
  static String judge(
      String kind,
      int status,
      long millis,
      String retryAfter,
      String type,
      long healthMs,
      long refuseMs) {
    if (kind.equals("live") || kind.equals("ready")) {
      if (status != 200) {
        return kind + " answered " + status;
      }
      return millis > healthMs ? kind + " took " + millis + " ms" : null;
    }
    if (status / 100 == 2) {
      return null;
    }
    if (status == 503 || status == 429) {
      if (retryAfter.equals("-")) {
        return status + " without Retry-After";
      }
      if (!type.equals("application/problem+json")) {
        return status + " as " + type;
      }
      return millis > refuseMs ? status + " after " + millis + " ms" : null;
    }
    return status == 0 ? "no answer (" + type + ") after " + millis + " ms" : "answered " + status;
  }

  private static void summarize(List<Call> calls) {
    Map<String, Map<String, List<Call>>> byPhase = new LinkedHashMap<>();
    for (Call c : calls) {
      byPhase
          .computeIfAbsent(c.phase(), p -> new LinkedHashMap<>())
          .computeIfAbsent(c.kind(), k -> new ArrayList<>())
          .add(c);
    }
    int violations = 0;
    for (var phase : byPhase.entrySet()) {
      for (String kind : KINDS) {
        List<Call> of = phase.getValue().getOrDefault(kind, List.of());
        if (of.isEmpty()) {
          continue;
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        of.forEach(c -> statuses.merge(c.status(), 1, Integer::sum));
        long[] ms = of.stream().mapToLong(Call::millis).sorted().toArray();
        StringBuilder s = new StringBuilder();
        statuses.forEach(
            (k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append(':').append(v));
        System.out.printf(
            "PROBE %-7s %-6s calls %4d  statuses %-22s p50 %5d ms  p99 %5d ms  max %5d ms%n",
            phase.getKey(),
            kind,
            ms.length,
            s,
            percentile(ms, 50),
            percentile(ms, 99),
            ms[ms.length - 1]);
      }
    }
    for (Call c : calls) {
      if (c.detail() != null) {
        if (violations++ < 20) {
          System.out.println("VIOLATION " + c.phase() + " " + c.kind() + ": " + c.detail());
        }
      }
    }
    System.out.println("VIOLATIONS=" + violations);
  }

  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
