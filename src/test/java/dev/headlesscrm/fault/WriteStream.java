package dev.headlesscrm.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of {@code scripts/fault/kill9.sh} (not a test; run with the test classpath): N
 * creates of customers named {@code <run>-<i>}, each with the Idempotency-Key {@code <run>-<i>},
 * sent by several threads and retried with the same key until the service acknowledges them (2xx) —
 * through connection failures, 5xx and the 409 of a key still in flight — as an integrator's sync
 * script does. Writes the acknowledged ids to a file and prints, as {@code KEY=value} lines, how
 * many were acknowledged, how often each kind of failure was seen and the longest time any one
 * create waited between its first attempt and its acknowledgement.
 *
 * <p>Usage: {@code WriteStream BASE RUN COUNT THREADS OUT_FILE}; the bearer token comes from {@code
 * FAULT_TOKEN} and is refreshed from {@code FAULT_TOKEN_FILE} when that file changes.
 */
public final class WriteStream {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private WriteStream() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String run = args[1];
    int count = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);
    Path tokenFile =
        System.getenv("FAULT_TOKEN_FILE") == null
            ? null
            : Path.of(System.getenv("FAULT_TOKEN_FILE"));

    Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> failures = new TreeMap<>();
    AtomicLong longestWaitMillis = new AtomicLong();
    AtomicLong longestInFlightMillis = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      pool.submit(
          () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
              String key = run + "-" + i;
              String body = "{\"name\":\"" + key + "\",\"city\":\"上海\"}";
              long first = System.nanoTime();
              long inFlightSince = -1;
              while (true) {
                String kind;
                try {
                  HttpResponse<String> r =
                      HTTP.send(
                          HttpRequest.newBuilder(URI.create(base + "/api/v1/customers"))
                              .timeout(Duration.ofSeconds(10))
                              .header("Authorization", "Bearer " + token(tokenFile))
                              .header("Content-Type", "application/json")
                              .header("Idempotency-Key", key)
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() / 100 == 2) {
                    JsonNode created = JSON.readTree(r.body());
                    acknowledged.put(i, created.get("id").asText());
                    longestWaitMillis.accumulateAndGet(
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first), Math::max);
                    if (inFlightSince >= 0) {
                      longestInFlightMillis.accumulateAndGet(
                          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - inFlightSince),
                          Math::max);
                    }
                    break;
                  }
                  kind = "http-" + r.statusCode();
                  if (r.statusCode() == 409 && inFlightSince < 0) {
                    inFlightSince = System.nanoTime();
                  }
                  if (r.statusCode() / 100 == 4
                      && r.statusCode() != 409
                      && r.statusCode() != 401
                      && r.statusCode() != 429) {
                    synchronized (failures) {
                      failures
                          .computeIfAbsent("fatal-" + r.statusCode(), k -> new AtomicInteger())
                          .incrementAndGet();
                    }
                    System.err.println("refused " + key + ": " + r.statusCode() + " " + r.body());
                    break;
                  }
                } catch (IOException e) {
                  kind = "io";
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                synchronized (failures) {
                  failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                }
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      new TreeMap<>(acknowledged).forEach((i, id) -> w.println(run + "-" + i + " " + id));
    }
    System.out.println("ACKNOWLEDGED=" + acknowledged.size());
    StringBuilder f = new StringBuilder();
    failures.forEach(
        (k, v) -> f.append(f.length() == 0 ? "" : ",").append(k).append(':').append(v));
    System.out.println("RETRIED=" + (f.length() == 0 ? "none" : f));
    System.out.println("LONGEST_WAIT_MS=" + longestWaitMillis.get());
    System.out.println("LONGEST_IN_FLIGHT_MS=" + longestInFlightMillis.get());
  }

  private static volatile String token = System.getenv("FAULT_TOKEN");
  private static volatile long tokenStamp;

  private static String token(Path file) throws IOException {
    if (file != null && Files.exists(file)) {
      long stamp = Files.getLastModifiedTime(file).toMillis();
      if (stamp != tokenStamp) {
        tokenStamp = stamp;
        token = Files.readString(file).trim();
      }
    }
    return token;
  }
}
