package dev.headlesscrm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator (the wrk2 idea, for Java 17): request {@code i} of a step is due at
 * {@code start + i / rate}, whatever happened before, and its latency is measured from that
 * intended time, so a stalled server shows up in the latency instead of slowing the generator down
 * (no coordinated omission). A fixed pool of {@code connections} workers sends synchronously; when
 * every worker is busy the due requests wait, and that wait is part of their latency.
 *
 * <p>It then searches the highest rate the endpoint holds with p99 &le; {@code slo-ms}: doubling
 * from {@code start} until a step fails, then bisecting between the best passing and the lowest
 * failing rate. A step passes when p99 &le; the target, at most 0.1 % of requests failed (non-2xx
 * or I/O error) and every request was sent before the step's deadline (duration + 5 s).
 *
 * <pre>
 * OpenLoad KIND URL [key=value...]
 *   KIND get      GET URL
 *        get-id   GET URL with {id} replaced by a random line of ids=FILE
 *        post     POST body=FILE (application/json), e.g. a GraphQL query
 *        create   POST body=FILE with {n} replaced by a unique number, a unique Idempotency-Key
 *        patch    PATCH URL with {id}: worker k patches line k of ids=FILE with body=FILE ({n}
 *                 replaced), If-Match the ETag it got back last (application/merge-patch+json)
 *   settings: connections=32 step-seconds=10 slo-ms=20 start=50 max=20000 bisect=3 max-steps=9
 * </pre>
 *
 * The bearer token comes from {@code HOTPATH_TOKEN}. Prints one line per step and a last line
 * {@code OPEN max_rate=... p50_ms=... p99_ms=...} (max_rate=0 when even the lowest step failed).
 */
public final class OpenLoad {

  private final String kind;
  private final String url;
  private final Map<String, String> settings;
  private final int connections;
  private final List<String> ids;
  private final String body;
  private final String[] etags;
  private final String token = System.getenv("HOTPATH_TOKEN");

  /** Digits only, so numbered names, e-mails and keys stay valid and unique across runs. */
  private final String run = String.format("%08d", System.currentTimeMillis() % 100_000_000L);

  private final AtomicLong counter = new AtomicLong();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  OpenLoad(String kind, String url, Map<String, String> settings) throws Exception {
    this.kind = kind;
    this.url = url;
    this.settings = settings;
    this.connections = Integer.parseInt(settings.getOrDefault("connections", "32"));
    this.ids =
        settings.containsKey("ids")
            ? Files.readAllLines(Path.of(settings.get("ids"))).stream()
                .filter(s -> !s.isBlank())
                .toList()
            : List.of();
    this.body =
        settings.containsKey("body")
            ? Files.readString(Path.of(settings.get("body")), StandardCharsets.UTF_8).strip()
            : null;
    this.etags = new String[connections];
    if (kind.equals("patch") && ids.size() < connections) {
      throw new IllegalArgumentException("patch needs at least " + connections + " ids");
    }
  }

  /** What one step measured. */
  record Step(double rate, long sent, long errors, long missed, double achieved, Histogram h) {
    double p50() {
      return h.getValueAtPercentile(50) / 1000.0;
    }

    double p99() {
      return h.getValueAtPercentile(99) / 1000.0;
    }

    boolean passed(double sloMs) {
      return missed == 0 && errors <= sent / 1000 && p99() <= sloMs;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: OpenLoad get|get-id|post|create|patch URL [key=value...]");
      System.exit(2);
    }
    Map<String, String> settings = new HashMap<>();
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    new OpenLoad(args[0], args[1], settings).search();
    System.exit(0);
  }

  void search() throws Exception {
    double slo = Double.parseDouble(settings.getOrDefault("slo-ms", "20"));
    double seconds = Double.parseDouble(settings.getOrDefault("step-seconds", "10"));
    double max = Double.parseDouble(settings.getOrDefault("max", "20000"));
    int bisect = Integer.parseInt(settings.getOrDefault("bisect", "3"));
    int maxSteps = Integer.parseInt(settings.getOrDefault("max-steps", "9"));
    double rate =
        Math.min(max, Math.round(Double.parseDouble(settings.getOrDefault("start", "50"))));
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      step(
          pool, Math.min(rate, 100), 5); // warms both JVMs up (and the ETags of patch), not counted
      double good = 0;
      double bad = Double.POSITIVE_INFINITY;
      Step best = null;
      Step lowest = null;
      int bisected = 0;
      for (int n = 0; n < maxSteps && rate >= 1; n++) {
        Step s = step(pool, rate, seconds);
        boolean pass = s.passed(slo);
        if (lowest == null || rate < lowest.rate()) {
          lowest = s;
        }
        System.out.printf(
            Locale.ROOT,
            "step rate=%.0f achieved=%.1f sent=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.1f errors=%d"
                + " missed=%d %s%n",
            rate,
            s.achieved(),
            s.sent(),
            s.p50(),
            s.p99(),
            s.h().getMaxValue() / 1000.0,
            s.errors(),
            s.missed(),
            pass ? "PASS" : "FAIL");
        if (pass) {
          good = rate;
          best = s;
        } else {
          bad = rate;
        }
        double nextRate;
        if (Double.isInfinite(bad)) {
          nextRate = Math.min(max, rate * 2);
        } else if (good == 0) {
          nextRate = Math.floor(rate / 2);
        } else {
          nextRate = bisected++ >= bisect ? rate : Math.round((good + bad) / 2);
        }
        // Whole rates only; stop when the next one adds nothing (at the maximum, at 1/s, or
        // between two neighbouring rates already tried).
        if (nextRate == rate || nextRate == good || nextRate == bad || nextRate < 1) {
          break;
        }
        rate = nextRate;
        Thread.sleep(1000); // lets the backlog and the collector settle between steps
      }
      // When no step passed, the figures are those of the lowest rate tried (held=none).
      Step shown = best != null ? best : lowest;
      System.out.printf(
          Locale.ROOT,
          "OPEN max_rate=%.0f p50_ms=%.2f p99_ms=%.2f at_rate=%.0f held=%s first_fail=%s%n",
          good,
          shown.p50(),
          shown.p99(),
          shown.rate(),
          best != null ? "yes" : "none",
          Double.isInfinite(bad) ? "none" : String.format(Locale.ROOT, "%.0f", bad));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Sends rate x seconds requests, request i due at start + i / rate. */
  Step step(ExecutorService pool, double rate, double seconds) throws Exception {
    long total = Math.max(1, Math.round(rate * seconds));
    double interval = 1e9 / rate;
    long start = System.nanoTime() + 20_000_000L;
    long deadline = start + (long) (seconds * 1e9) + 5_000_000_000L;
    AtomicLong next = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong missed = new AtomicLong();
    List<Future<Histogram>> futures = new ArrayList<>();
    for (int k = 0; k < connections; k++) {
      int worker = k;
      futures.add(
          pool.submit(
              () -> {
                Histogram h = new Histogram(60_000_000L, 3); // microseconds, up to a minute
                for (long i; (i = next.getAndIncrement()) < total; ) {
                  long intended = start + (long) (i * interval);
                  long wait = intended - System.nanoTime();
                  if (wait > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  if (System.nanoTime() > deadline) {
                    missed.incrementAndGet();
                    continue;
                  }
                  if (!send(worker)) {
                    errors.incrementAndGet();
                  }
                  h.recordValue(Math.min(60_000_000L, (System.nanoTime() - intended) / 1000));
                }
                return h;
              }));
    }
    Histogram all = new Histogram(60_000_000L, 3);
    for (Future<Histogram> f : futures) {
      all.add(f.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long sent = all.getTotalCount();
    return new Step(rate, sent, errors.get(), missed.get(), sent / elapsed, all);
  }

  /** One request of this kind as worker {@code k}; true when it answered 2xx. */
  boolean send(int k) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder()
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json");
      long n = counter.incrementAndGet();
      switch (kind) {
        case "get" -> b.uri(URI.create(url)).GET();
        case "get-id" -> b.uri(URI.create(url.replace("{id}", ids.get(random(ids.size()))))).GET();
        case "post" ->
            b.uri(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        case "create" ->
            b.uri(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "open-" + run + "-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(number(body, n)));
        case "patch" -> {
          if (etags[k] == null) {
            etags[k] = fetchEtag(k);
          }
          b.uri(URI.create(url.replace("{id}", ids.get(k))))
              .header("Content-Type", "application/merge-patch+json")
              .header("If-Match", etags[k])
              .method("PATCH", HttpRequest.BodyPublishers.ofString(number(body, n)));
        }
        default -> throw new IllegalArgumentException("unknown kind " + kind);
      }
      HttpResponse<Void> response = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
      if (kind.equals("patch")) {
        etags[k] = response.headers().firstValue("ETag").orElse(null);
      }
      return response.statusCode() / 100 == 2;
    } catch (Exception e) {
      if (kind.equals("patch")) {
        etags[k] = null;
      }
      return false;
    }
  }

  private String fetchEtag(int k) throws Exception {
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(url.replace("{id}", ids.get(k))))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    return http.send(get, HttpResponse.BodyHandlers.discarding())
        .headers()
        .firstValue("ETag")
        .orElseThrow();
  }

  private String number(String template, long n) {
    return template.replace("{n}", run + n);
  }

  private static int random(int bound) {
    return ThreadLocalRandom.current().nextInt(bound);
  }
}
