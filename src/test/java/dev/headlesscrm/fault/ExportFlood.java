package dev.headlesscrm.fault;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The export side of {@code scripts/fault/exports.sh} (not a test; run with the test classpath):
 * CLIENTS threads start a CSV export of customers at the same moment and keep asking for the whole
 * of DURATION seconds — after a download, at once; after a refusal, after {@code
 * FAULT_EXPORT_RETRY_MS} (1,000 ms, deliberately sooner than the Retry-After the service asks for,
 * to keep the pressure on). An export must either complete (200, {@code text/csv}, at least
 * MIN_ROWS rows, the body read to its end) or be refused with 503/429 {@code
 * application/problem+json} with {@code Retry-After} within {@code FAULT_EXPORT_HANG_MS} (15,000
 * ms, as this client sees it: it runs niced beside the service, so its own clock says little more
 * than "not hung"; exports.sh holds the service's own refusal time from its access log to 1.5 s);
 * anything else is a violation. Prints {@code KEY=value} lines: counts per status, completed and
 * refused exports, their latencies, and {@code EXPORT_VIOLATIONS=<n>} last.
 *
 * <p>Usage: {@code ExportFlood BASE CLIENTS DURATION_SECONDS MIN_ROWS}; the bearer token comes from
 * {@code FAULT_TOKEN}.
 */
public final class ExportFlood {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          // A connection per client, as separate integrators have (over HTTP/2 the JDK client
          // would multiplex all of them on one connection, which Vert.x serves in order).
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private ExportFlood() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int clients = Integer.parseInt(args[1]);
    long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
    long minRows = Long.parseLong(args[3]);
    String token = System.getenv("FAULT_TOKEN");
    long refuseMs = Long.parseLong(System.getenv().getOrDefault("FAULT_EXPORT_HANG_MS", "15000"));
    String retryMs = System.getenv().getOrDefault("FAULT_EXPORT_RETRY_MS", "");

    Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
    List<Long> completedMs = Collections.synchronizedList(new ArrayList<>());
    List<Long> refusedMs = Collections.synchronizedList(new ArrayList<>());
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger retryAfterSeen = new AtomicInteger(-1);
    AtomicInteger rowsSeen = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  while (System.nanoTime() < deadline) {
                    int refusedFor =
                        exportOnce(
                            base,
                            token,
                            minRows,
                            refuseMs,
                            statuses,
                            completedMs,
                            refusedMs,
                            violations,
                            retryAfterSeen,
                            rowsSeen);
                    if (refusedFor > 0) {
                      // As asked (Retry-After), or sooner when FAULT_EXPORT_RETRY_MS says so;
                      // jittered by half either way, so that the clients do not come back at once.
                      long wait = retryMs.isEmpty() ? refusedFor * 1000L : Long.parseLong(retryMs);
                      Thread.sleep(wait / 2 + ThreadLocalRandom.current().nextLong(wait));
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "export-" + t);
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }

    StringBuilder s = new StringBuilder();
    statuses.forEach(
        (k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append(':').append(v));
    System.out.println("EXPORT_STATUSES=" + s);
    System.out.println("EXPORTS_COMPLETED=" + completedMs.size());
    System.out.println("EXPORTS_REFUSED=" + refusedMs.size());
    System.out.println("EXPORT_ROWS=" + rowsSeen.get());
    System.out.println("EXPORT_RETRY_AFTER=" + retryAfterSeen.get());
    System.out.println("EXPORT_COMPLETED_MS=" + latencies(completedMs));
    System.out.println("EXPORT_REFUSED_MS=" + latencies(refusedMs));
    violations.stream().limit(20).forEach(v -> System.out.println("VIOLATION export: " + v));
    System.out.println("EXPORT_VIOLATIONS=" + violations.size());
  }

  /** One export; the seconds to wait when it was refused (1 when it did not say), else 0. */
  private static int exportOnce(
      String base,
      String token,
      long minRows,
      long refuseMs,
      Map<String, Integer> statuses,
      List<Long> completedMs,
      List<Long> refusedMs,
      List<String> violations,
      AtomicInteger retryAfterSeen,
      AtomicInteger rowsSeen) {
    long start = System.nanoTime();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/customers/export?format=csv"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .build();
    try {
      HttpResponse<InputStream> r = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
      int status = r.statusCode();
      String type = r.headers().firstValue("Content-Type").orElse("-").split(";")[0];
      String retryAfter = r.headers().firstValue("Retry-After").orElse(null);
      long lines = 0;
      try (InputStream in = r.body()) {
        byte[] buffer = new byte[65536];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
              lines++;
            }
          }
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      statuses.merge(
          status + (retryAfter == null ? "" : "(Retry-After " + retryAfter.trim() + ")"),
          1,
          Integer::sum);
      if (status == 200) {
        if (!type.equals("text/csv")) {
          violations.add("200 as " + type);
        } else if (lines - 1 < minRows) {
          violations.add("200 with " + (lines - 1) + " rows, fewer than " + minRows);
        } else {
          completedMs.add(millis);
          rowsSeen.set((int) (lines - 1));
        }
        return 0;
      }
      if (status == 503 || status == 429) {
        if (retryAfter == null) {
          violations.add(status + " without Retry-After");
        } else if (!type.equals("application/problem+json")) {
          violations.add(status + " as " + type);
        } else if (millis > refuseMs) {
          violations.add(status + " after " + millis + " ms");
        } else {
          refusedMs.add(millis);
          retryAfterSeen.set(Integer.parseInt(retryAfter.trim()));
          return Math.max(1, Integer.parseInt(retryAfter.trim()));
        }
        return 1;
      }
      violations.add("answered " + status + " after " + millis + " ms");
      return 1;
    } catch (IOException e) {
      statuses.merge("io", 1, Integer::sum);
      violations.add(
          "no complete answer ("
              + e.getClass().getSimpleName()
              + ") after "
              + (System.nanoTime() - start) / 1_000_000
              + " ms");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static String latencies(List<Long> millis) {
    if (millis.isEmpty()) {
      return "none";
    }
    long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
    return "p50 "
        + Probe.percentile(sorted, 50)
        + " ms, p99 "
        + Probe.percentile(sorted, 99)
        + " ms, max "
        + sorted[sorted.length - 1]
        + " ms";
  }
}
