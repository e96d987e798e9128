package dev.headlesscrm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.platform.imports.ImportRunner;
import dev.headlesscrm.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bulk imports at scale (issue 14): an XLSX of {@code bench.import.rows} customers (100,000) with 1
 * % bad rows (an e-mail that is not one), imported for real and as a dry run, against the batch
 * API's rate for the same rows (1,000 creates per request). Prints {@code BENCH ...} lines with
 * rows per second, the counts, the error file's lines, and the heap: the most in use at any sample
 * (every 20 ms, garbage included) and the most still in use after a collection (what the import
 * holds). Run by {@code scripts/bench/imports.sh}; timings are never asserted, counts are.
 */
@QuarkusTest
@Tag("bench")
@TestProfile(BenchProfile.class)
class ImportBenchmark {

  static final int ROWS = Integer.getInteger("bench.import.rows", 100_000);
  static final int API_ROWS = Integer.getInteger("bench.import.api-rows", 20_000);
  static final String FORMAT = System.getProperty("bench.import.format", "xlsx");
  static final boolean DRY_RUN =
      Boolean.parseBoolean(System.getProperty("bench.import.dry-run", "true"));
  static final int PART = 8 * 1024 * 1024;
  static final Path REPORT = Path.of("target", "bench", "imports.txt");

  @Inject ImportRunner runner;
  @Inject AgroalDataSource db;

  private final List<String> figures = new ArrayList<>();

  @Test
  void importsAtScale() throws Exception {
    String run = "BI" + UUID.randomUUID().toString().substring(0, 6) + "-";
    Path file = Files.createTempFile("bench-import", "." + FORMAT);
    long t0 = System.nanoTime();
    int bad = write(file, run);
    figure(
        "import.file",
        FORMAT,
        ROWS + " rows",
        bad + " bad",
        String.format(Locale.ROOT, "%.1f MiB", Files.size(file) / 1048576.0),
        String.format(Locale.ROOT, "written in %.1f s", (System.nanoTime() - t0) / 1e9));

    if (DRY_RUN) {
      Map<String, Object> dry = importFile(file, run, true);
      assertEquals(
          0L, count("SELECT count(*) FROM customers WHERE external_id LIKE '" + run + "%'"));
      figure("import.dry-run", describe(dry));
    }

    Map<String, Object> real = importFile(file, run, false);
    assertEquals(
        (long) (ROWS - bad),
        count("SELECT count(*) FROM customers WHERE external_id LIKE '" + run + "%'"));
    figure("import.real", describe(real));

    double api = batchApi(run + "API-");
    figure(
        "import.vs-batch-api",
        String.format(Locale.ROOT, "batch API %.0f rows/s", api),
        String.format(
            Locale.ROOT, "import %.2f x the batch API", (double) real.get("rowsPerSecond") / api));
    Files.deleteIfExists(file);
    Files.createDirectories(REPORT.getParent());
    Files.write(REPORT, figures);
  }

  /** The rows; every 100th has an e-mail that is not one. Answers how many are bad. */
  private int write(Path file, String run) throws IOException {
    int bad = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      if (FORMAT.equals("csv")) {
        StringBuilder s = new StringBuilder("externalId,客户名称,电子邮件,城市,信用额度,客户级别\n");
        for (int i = 0; i < ROWS; i++) {
          boolean wrong = i % 100 == 42;
          bad += wrong ? 1 : 0;
          s.append(run).append(i).append(',').append("导入客户").append(run).append(i).append(',');
          s.append(wrong ? "not-an-email-" + i : "c" + i + "@example.com").append(',');
          s.append(i % 2 == 0 ? "上海" : "北京").append(',').append(i % 1000 * 100).append(',');
          s.append(i % 3 == 0 ? "A" : "B").append('\n');
          if (s.length() > 1 << 20) {
            out.write(s.toString().getBytes(StandardCharsets.UTF_8));
            s.setLength(0);
          }
        }
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        return bad;
      }
      Workbook wb = new Workbook(out, "bench", "1.0");
      Worksheet ws = wb.newWorksheet("customers");
      String[] headers = {"externalId", "客户名称", "电子邮件", "城市", "信用额度", "客户级别"};
      for (int c = 0; c < headers.length; c++) {
        ws.value(0, c, headers[c]);
      }
      for (int i = 0; i < ROWS; i++) {
        int r = i + 1;
        boolean wrong = i % 100 == 42;
        bad += wrong ? 1 : 0;
        ws.value(r, 0, run + i);
        ws.value(r, 1, "导入客户" + run + i);
        ws.value(r, 2, wrong ? "not-an-email-" + i : "c" + i + "@example.com");
        ws.value(r, 3, i % 2 == 0 ? "上海" : "北京");
        ws.value(r, 4, i % 1000 * 100);
        ws.value(r, 5, i % 3 == 0 ? "A" : "B");
        if (r % 10_000 == 0) {
          ws.flush();
        }
      }
      wb.finish();
    }
    return bad;
  }

  /** Creates, uploads, starts and runs one import; its figures. */
  private Map<String, Object> importFile(Path file, String run, boolean dryRun) throws Exception {
    String id =
        Api.asAdmin()
            .body(
                Map.of(
                    "resource", "customer",
                    "format", FORMAT.toUpperCase(Locale.ROOT),
                    "dryRun", dryRun,
                    "duplicateKey", "EXTERNAL_ID",
                    "onDuplicate", "UPDATE"))
            .post("/api/v1/imports")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    long upload = System.nanoTime();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] part;
      int n = 1;
      // Sent with the JDK's client: REST Assured's request log would render 8 MiB of bytes as text.
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      String token = dev.headlesscrm.support.Tokens.user("admin.li");
      while ((part = in.readNBytes(PART)).length > 0) {
        java.net.http.HttpResponse<String> answer =
            http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            io.restassured.RestAssured.baseURI
                                + ":"
                                + io.restassured.RestAssured.port
                                + "/api/v1/imports/"
                                + id
                                + "/parts/"
                                + n++))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(part))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
      }
    }
    double uploadSeconds = (System.nanoTime() - upload) / 1e9;
    Api.asAdmin().post("/api/v1/imports/" + id + "/start").then().statusCode(202);

    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    AtomicLong peakUsed = new AtomicLong();
    AtomicLong peakLive = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                long live = 0;
                for (MemoryPoolMXBean p : heap) {
                  if (p.getCollectionUsage() != null) {
                    live += p.getCollectionUsage().getUsed();
                  }
                }
                peakLive.accumulateAndGet(live, Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    while (runner.runDue()) {
      // the job (and any other due one)
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    sampler.join();

    JsonPath job = Api.asAdmin().get("/api/v1/imports/" + id).then().extract().jsonPath();
    assertEquals("COMPLETED", job.getString("status"));
    assertEquals(ROWS, job.getInt("rowsRead"));
    int failed = job.getInt("failed");
    assertEquals(ROWS / 100, failed);
    String errors = Api.asAdmin().get("/api/v1/imports/" + id + "/errors").asString();
    int errorLines = errors.strip().split("\r?\n").length - 1;
    assertEquals(failed, errorLines);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("upload", String.format(Locale.ROOT, "upload %.1f s", uploadSeconds));
    out.put("rowsPerSecond", ROWS / seconds);
    out.put("seconds", seconds);
    out.put("created", job.getInt("created"));
    out.put("updated", job.getInt("updated"));
    out.put("failed", failed);
    out.put("errorLines", errorLines);
    out.put("heapMax", Runtime.getRuntime().maxMemory());
    out.put("heapBaseline", baseline);
    out.put("peakUsed", peakUsed.get());
    out.put("peakLive", peakLive.get());
    return out;
  }

  private static String describe(Map<String, Object> f) {
    return String.format(
        Locale.ROOT,
        "%.0f rows/s (%.1f s; %s), created %s updated %s failed %s, error file %s rows;"
            + " heap max %d MiB, before %d MiB, peak in use %d MiB, peak live after GC %d MiB",
        (double) f.get("rowsPerSecond"),
        (double) f.get("seconds"),
        f.get("upload"),
        f.get("created"),
        f.get("updated"),
        f.get("failed"),
        f.get("errorLines"),
        (long) f.get("heapMax") >> 20,
        (long) f.get("heapBaseline") >> 20,
        (long) f.get("peakUsed") >> 20,
        (long) f.get("peakLive") >> 20);
  }

  /** The batch API's rate for the same kind of rows: 1,000 creates per request, in turn. */
  private double batchApi(String run) {
    long start = System.nanoTime();
    for (int done = 0; done < API_ROWS; done += 1000) {
      List<Map<String, Object>> ops = new ArrayList<>();
      for (int i = done; i < Math.min(API_ROWS, done + 1000); i++) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", "批量客户" + run + i);
        data.put("email", "c" + i + "@example.com");
        data.put("city", i % 2 == 0 ? "上海" : "北京");
        data.put("creditLimit", i % 1000 * 100);
        data.put("level", i % 3 == 0 ? "A" : "B");
        data.put("externalId", run + i);
        ops.add(Map.of("op", "create", "data", data));
      }
      Api.asAdmin()
          .body(Map.of("operations", ops))
          .post("/api/v1/customers/batch")
          .then()
          .statusCode(200);
    }
    return API_ROWS / ((System.nanoTime() - start) / 1e9);
  }

  private long count(String sql) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private void figure(String name, String... values) {
    String line = "BENCH " + name + " " + String.join(" ", values);
    figures.add(line);
    System.out.println(line);
    System.out.flush();
  }
}
