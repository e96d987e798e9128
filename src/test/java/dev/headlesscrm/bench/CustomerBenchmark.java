package dev.headlesscrm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Customers at scale (issue "API platform on customers"): how fast customers can be seeded, how
 * fast lists, deep pages and Chinese free text answer over a million rows, and how fast exports
 * stream with flat memory. Not part of the default build: {@code scripts/bench/customers.sh} runs
 * it ({@code ./mvnw verify -Pbench}). Prints {@code BENCH ...} lines and writes them to {@code
 * target/bench/customers.txt}.
 *
 * <p>Settings (system properties): {@code bench.rows} (1,000,000), {@code bench.reseed} (false:
 * reuse crm_bench when it holds enough customers), {@code bench.chunk} (50,000 rows per COPY),
 * {@code bench.requests} (200 timed requests per list query), {@code bench.warmup} (20 untimed ones
 * first), {@code bench.api.requests} (20 batch requests of 1,000 upserts).
 *
 * <p>Sanity is asserted (row counts, every response 200, full pages, export line counts); timings
 * never are: they depend on the machine.
 */
@QuarkusTest
@Tag("bench")
@TestProfile(BenchProfile.class)
class CustomerBenchmark {

  static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
  static final boolean RESEED = Boolean.getBoolean("bench.reseed");
  static final int CHUNK = Integer.getInteger("bench.chunk", 50_000);
  static final int REQUESTS = Integer.getInteger("bench.requests", 200);
  static final int WARMUP = Integer.getInteger("bench.warmup", 20);
  static final int API_REQUESTS = Integer.getInteger("bench.api.requests", 20);
  static final int API_BATCH = 1000;
  static final int PAGE = 50;
  static final int DEEP_PAGE = 1000;
  static final long SEED = 20261123L;
  static final Path REPORT = Path.of("target", "bench", "customers.txt");

  /**
   * Who reads: the administrator, who sees every row and every field (data scope ALL, no
   * condition); {@link #dataScope()} compares principals whose scope adds a condition.
   */
  static final String ADMIN = "admin.li";

  /** Shared with rep.zhang as a team member for the data-scope run. */
  static final int SHARED = 200;

  private String reader = ADMIN;

  static final String API_EXTERNAL_PREFIX = "BENCH-API-";

  @Inject AgroalDataSource dataSource;

  @TestHTTPResource("/")
  URL base;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> figures = new ArrayList<>();

  @Test
  void customersAtScale() throws Exception {
    try {
      header();
      seedByCopy();
      seedThroughApi();
      analyze();
      firstPages();
      deepPage();
      freeText();
      dataScope();
      counts();
      exportCsv();
      exportXlsx();
    } finally {
      Files.createDirectories(REPORT.getParent());
      Files.write(REPORT, figures, StandardCharsets.UTF_8);
      System.out.println();
      System.out.println("===== customer benchmark figures (" + REPORT.toAbsolutePath() + ")");
      figures.forEach(System.out::println);
      System.out.println("=====");
    }
  }

  // --- 1. Seeding ------------------------------------------------------------------------------

  private void header() throws SQLException {
    String postgres = text("SELECT current_setting('server_version')");
    figures.add(
        "# Customer benchmark "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS)
            + " | target rows="
            + ROWS
            + " | cpus="
            + Runtime.getRuntime().availableProcessors()
            + " | max heap="
            + mb(Runtime.getRuntime().maxMemory())
            + " MB | PostgreSQL "
            + postgres
            + " | Java "
            + System.getProperty("java.version"));
    System.out.println(figures.get(0));
  }

  /** The fast path: Java builds the rows, PostgreSQL COPY loads them in chunks. */
  private void seedByCopy() throws Exception {
    long existing = count("deleted_at IS NULL");
    if (!RESEED && existing >= ROWS) {
      figure(
          "seed.copy",
          "reused=true",
          "rows=" + existing,
          "note=crm_bench-already-seeded;-Dbench.reseed=true-measures-seeding");
      return;
    }
    if (existing > 0 || count("TRUE") > 0) {
      execute("TRUNCATE customers CASCADE");
    }
    CustomerSeed seed = new CustomerSeed(SEED, Instant.now().truncatedTo(ChronoUnit.DAYS), ROWS);
    long started = System.nanoTime();
    long buildNanos = CustomerSeed.copy(dataSource, seed, ROWS, CHUNK);
    double total = seconds(System.nanoTime() - started);
    assertEquals(ROWS, count("deleted_at IS NULL"), "rows after COPY");
    figure(
        "seed.copy",
        "rows/s=" + round(ROWS / total),
        "rows=" + ROWS,
        "chunk=" + CHUNK,
        "seconds=" + fixed(total),
        "java-row-building-seconds=" + fixed(seconds(buildNanos)));
  }

  /**
   * The API path on a sample: {@code POST /customers/batch} with 1,000 upserts per request as the
   * integration client. Every upsert is a create (fresh external ids): validation, dictionary
   * checks, numbering, history and outbox event per row. The sample is removed afterwards, so the
   * measured data set stays exactly {@code bench.rows} rows.
   */
  private void seedThroughApi() throws Exception {
    execute("DELETE FROM customers WHERE external_id LIKE '" + API_EXTERNAL_PREFIX + "%'");
    String run = UUID.randomUUID().toString().substring(0, 8);
    CustomerSeed seed = new CustomerSeed(SEED + 1, Instant.now(), ROWS);
    long[] nanos = new long[API_REQUESTS];
    for (int request = 0; request < API_REQUESTS; request++) {
      List<Map<String, Object>> operations = new ArrayList<>(API_BATCH);
      for (int k = 0; k < API_BATCH; k++) {
        int i = request * API_BATCH + k;
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", "upsert");
        op.put("externalId", API_EXTERNAL_PREFIX + run + "-" + i);
        op.put("data", CustomerSeed.apiBody(seed.row(i)));
        operations.add(op);
      }
      byte[] body = json.writeValueAsBytes(Map.of("operations", operations));
      HttpRequest post =
          HttpRequest.newBuilder(uri("/api/v1/customers/batch"))
              .header("Authorization", "Bearer " + Tokens.integration())
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .timeout(Duration.ofMinutes(10))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      long started = System.nanoTime();
      HttpResponse<byte[]> response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
      nanos[request] = System.nanoTime() - started;
      assertEquals(200, response.statusCode(), () -> new String(response.body()));
      JsonNode results = json.readTree(response.body()).get("results");
      assertEquals(API_BATCH, results.size());
      for (JsonNode item : results) {
        assertEquals(201, item.get("status").asInt(), item::toString);
      }
    }
    long rows = (long) API_REQUESTS * API_BATCH;
    assertEquals(rows, count("external_id LIKE '" + API_EXTERNAL_PREFIX + run + "-%'"));
    double total = seconds(Arrays.stream(nanos).sum());
    // The first request also pays for warming the service up (JIT, caches, connections).
    double steady = API_REQUESTS > 1 ? seconds(Arrays.stream(nanos).skip(1).sum()) : total;
    long steadyRows = API_REQUESTS > 1 ? rows - API_BATCH : rows;
    Arrays.sort(nanos);
    figure(
        "seed.api",
        "rows/s=" + round(rows / total),
        "rows=" + rows,
        "requests=" + API_REQUESTS + "x" + API_BATCH + "-upserts",
        "seconds=" + fixed(total),
        "rows/s-without-first-request=" + round(steadyRows / steady),
        "request-p50-ms=" + fixed(millis(percentile(nanos, 50))),
        "request-max-ms=" + fixed(millis(nanos[nanos.length - 1])));
    execute("DELETE FROM customers WHERE external_id LIKE '" + API_EXTERNAL_PREFIX + "%'");
  }

  private void analyze() throws SQLException {
    long started = System.nanoTime();
    execute("ANALYZE customers");
    figure(
        "analyze",
        "seconds=" + fixed(seconds(System.nanoTime() - started)),
        "rows=" + count("deleted_at IS NULL"));
  }

  // --- 2. Lists ---------------------------------------------------------------------------------

  private void firstPages() throws Exception {
    long matching = count("deleted_at IS NULL AND level = 'A' AND city = '上海'");
    assertTrue(matching > 0, "level A customers in 上海 exist");
    for (String sort : List.of("-creditLimit", "name")) {
      String query = "filter=" + enc("level==A;city==上海") + "&sort=" + sort + "&limit=" + PAGE;
      latency(
          "list.first-page",
          "filter=level==A;city==上海 sort=" + sort + " limit=" + PAGE + " matching=" + matching,
          query,
          page -> assertEquals(Math.min(PAGE, matching), page.get("data").size()));
    }
  }

  /** Page 1,000 of a filtered, sorted list: keyset paging costs what page 1 does. */
  private void deepPage() throws Exception {
    long matching = count("deleted_at IS NULL AND level IN ('A', 'B')");
    int depth = (int) Math.min(DEEP_PAGE, (matching + PAGE - 1) / PAGE);
    assertTrue(depth >= 1, "level A or B customers exist");
    String query = "filter=" + enc("level=in=(A,B)") + "&sort=-createdAt&limit=" + PAGE;
    String cursor = null;
    long walkStarted = System.nanoTime();
    for (int page = 1; page < depth; page++) {
      JsonNode body = getJson(query + (cursor == null ? "" : "&cursor=" + enc(cursor)));
      assertEquals(PAGE, body.get("data").size(), "rows of page " + page);
      cursor = body.get("page").path("nextCursor").asText(null);
      assertNotNull(cursor, "nextCursor of page " + page);
    }
    double walk = seconds(System.nanoTime() - walkStarted);
    String deep = query + (cursor == null ? "" : "&cursor=" + enc(cursor));
    long expectedRows = Math.min(PAGE, matching - (long) (depth - 1) * PAGE);
    latency(
        "list.deep-page",
        "page="
            + depth
            + " requested-page="
            + DEEP_PAGE
            + " filter=level=in=(A,B) sort=-createdAt limit="
            + PAGE
            + " matching="
            + matching
            + " walk-to-page-seconds="
            + fixed(walk)
            + " walk-mean-ms="
            + fixed(depth > 1 ? walk * 1000 / (depth - 1) : 0),
        deep,
        page -> assertEquals(expectedRows, page.get("data").size()));
  }

  /** Free text {@code q}: one and two Chinese characters (token index), four (bigrams + LIKE). */
  private void freeText() throws Exception {
    for (String q : List.of("华东", "科", CustomerSeed.FOUR_CHARACTER_QUERY)) {
      latency(
          "list.q",
          "q=" + q + " chars=" + q.length() + " limit=" + PAGE,
          "q=" + enc(q) + "&limit=" + PAGE,
          page -> assertFalse(page.get("data").isEmpty(), "rows for q=" + q));
    }
  }

  /**
   * The cost of data scope (数据权限) on a list: the same first pages as the administrator (scope ALL:
   * no condition), as manager.wang (SUBORDINATES: owner IN three employees, every row matches), as
   * rep.zhang (SELF: half the rows), and as rep.zhang with {@value #SHARED} of rep.chen's customers
   * shared with him (SELF OR id IN the shared ids).
   */
  private void dataScope() throws Exception {
    List<String> queries =
        List.of(
            "filter=" + enc("level==A;city==上海") + "&sort=name&limit=" + PAGE,
            "sort=-createdAt&limit=" + PAGE,
            "q=" + enc("华东") + "&limit=" + PAGE);
    try {
      for (String who : List.of(ADMIN, "manager.wang", "rep.zhang", "rep.zhang+shared")) {
        if (who.endsWith("+shared")) {
          execute(
              "INSERT INTO record_team_members (resource, record_id, employee_id, access, added_at)"
                  + " SELECT 'customer', id, '"
                  + CustomerSeed.OWNER_EAST
                  + "', 'READ', now() FROM customers WHERE owner_id = '"
                  + CustomerSeed.OWNER_NORTH
                  + "' AND deleted_at IS NULL ORDER BY id LIMIT "
                  + SHARED
                  + " ON CONFLICT DO NOTHING");
        }
        reader = who.replace("+shared", "");
        for (String query : queries) {
          latency(
              "list.scope",
              "as=" + who + " " + java.net.URLDecoder.decode(query, StandardCharsets.UTF_8),
              query,
              page -> assertFalse(page.get("data").isEmpty(), "rows as " + who));
        }
      }
    } finally {
      reader = ADMIN;
      execute(
          "DELETE FROM record_team_members WHERE employee_id = '" + CustomerSeed.OWNER_EAST + "'");
    }
  }

  /** {@code count=true} once per query: exact totals cost a scan of every match. */
  private void counts() throws Exception {
    long shanghaiA = count("deleted_at IS NULL AND level = 'A' AND city = '上海'");
    for (String sort : List.of("-creditLimit", "name")) {
      once(
          "list.count",
          "filter=level==A;city==上海 sort=" + sort,
          "filter=" + enc("level==A;city==上海") + "&sort=" + sort + "&limit=" + PAGE + "&count=true",
          shanghaiA);
    }
    for (String q : List.of("华东", "科", CustomerSeed.FOUR_CHARACTER_QUERY)) {
      once("list.count", "q=" + q, "q=" + enc(q) + "&limit=" + PAGE + "&count=true", -1);
    }
  }

  private void once(String name, String label, String query, long expectedTotal) throws Exception {
    long started = System.nanoTime();
    HttpResponse<byte[]> response = get(query);
    long nanos = System.nanoTime() - started;
    assertEquals(200, response.statusCode(), () -> new String(response.body()));
    long total = json.readTree(response.body()).get("page").get("total").asLong();
    if (expectedTotal >= 0) {
      assertEquals(expectedTotal, total, "page.total for " + label);
    }
    figure(name, label, "count=true", "total=" + total, "ms=" + fixed(millis(nanos)));
  }

  /** Warm-up, then {@link #REQUESTS} timed requests; every one must be a correct 200 page. */
  private void latency(String name, String label, String query, Consumer<JsonNode> check)
      throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      check.accept(getJson(query));
    }
    long[] nanos = new long[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      long started = System.nanoTime();
      HttpResponse<byte[]> response = get(query);
      nanos[i] = System.nanoTime() - started;
      assertEquals(200, response.statusCode(), () -> new String(response.body()));
      check.accept(json.readTree(response.body()));
    }
    Arrays.sort(nanos);
    figure(
        name,
        label,
        "n=" + REQUESTS,
        "p50-ms=" + fixed(millis(percentile(nanos, 50))),
        "p95-ms=" + fixed(millis(percentile(nanos, 95))),
        "p99-ms=" + fixed(millis(percentile(nanos, 99))),
        "max-ms=" + fixed(millis(nanos[nanos.length - 1])));
  }

  // --- 3. Exports -------------------------------------------------------------------------------

  /** Every row as CSV, streamed and counted, never held. */
  private void exportCsv() throws Exception {
    long expected = count("deleted_at IS NULL");
    AtomicLong lines = new AtomicLong();
    Export export =
        export(
            "format=csv",
            in -> {
              byte[] buffer = new byte[1 << 16];
              long bytes = 0;
              for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                  if (buffer[i] == '\n') {
                    lines.incrementAndGet();
                  }
                }
              }
              return bytes;
            });
    assertEquals(expected + 1, lines.get(), "CSV lines: the header and one per customer");
    figure("export.csv", export.describe(expected));
  }

  /** A filtered subset as XLSX (level A, ~200,000 of a million): saved to a file, rows counted. */
  private void exportXlsx() throws Exception {
    long expected = count("deleted_at IS NULL AND level = 'A'");
    Path file = Files.createTempFile("bench-customers-", ".xlsx");
    try {
      Export export =
          export(
              "format=xlsx&filter=" + enc("level==A"),
              in -> Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
      long rows = 0;
      long sheets = 0;
      try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
        for (Sheet sheet : workbook.getSheets().toList()) {
          sheets++;
          try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
            rows += stream.count();
          }
        }
      }
      assertEquals(expected, rows - sheets, "XLSX rows: a header per sheet and one per customer");
      figure("export.xlsx", "filter=level==A", export.describe(expected));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** What an export took and the heap of this JVM (service and client) around it. */
  private record Export(
      long nanos, long bytes, long heapBefore, long heapPeak, long heapAfter, long heapAfterGc) {
    String describe(long rows) {
      double s = seconds(nanos);
      return "rows/s="
          + round(rows / s)
          + " rows="
          + rows
          + " bytes="
          + bytes
          + " seconds="
          + fixed(s)
          + " heap-used-mb before="
          + mb(heapBefore)
          + " peak="
          + mb(heapPeak)
          + " after="
          + mb(heapAfter)
          + " after-gc="
          + mb(heapAfterGc);
    }
  }

  private interface BodyReader {
    long read(InputStream in) throws IOException;
  }

  private Export export(String query, BodyReader reader) throws Exception {
    long before = usedAfterGc();
    HeapSampler sampler = new HeapSampler();
    sampler.start();
    long started = System.nanoTime();
    HttpRequest request =
        HttpRequest.newBuilder(uri("/api/v1/customers/export?" + query))
            .header("Authorization", "Bearer " + Tokens.user(this.reader))
            .GET()
            .build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long bytes;
    try (InputStream in = response.body()) {
      assertEquals(200, response.statusCode(), () -> "export " + query);
      bytes = reader.read(in);
    }
    long nanos = System.nanoTime() - started;
    sampler.stop = true;
    sampler.join();
    long after = used();
    return new Export(nanos, bytes, before, Math.max(sampler.peak, after), after, usedAfterGc());
  }

  /** The highest heap use seen while an export runs (sampled every 20 ms). */
  private static final class HeapSampler extends Thread {
    volatile boolean stop;
    volatile long peak;

    HeapSampler() {
      super("bench-heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (!stop) {
        peak = Math.max(peak, used());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static long used() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static long usedAfterGc() throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    System.gc();
    return used();
  }

  // --- HTTP and SQL -----------------------------------------------------------------------------

  private HttpResponse<byte[]> get(String query) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/api/v1/customers?" + query))
            .header("Authorization", "Bearer " + Tokens.user(reader))
            .header("Accept", "application/json")
            .timeout(Duration.ofMinutes(2))
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode getJson(String query) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = get(query);
    assertEquals(200, response.statusCode(), () -> query + ": " + new String(response.body()));
    return json.readTree(response.body());
  }

  private URI uri(String pathAndQuery) {
    String root = base.toString().replaceAll("/+$", "");
    return URI.create(root + pathAndQuery);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private long count(String where) throws SQLException {
    return Long.parseLong(text("SELECT count(*) FROM customers WHERE " + where));
  }

  private String text(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getString(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute(sql);
    }
  }

  // --- Figures ----------------------------------------------------------------------------------

  private void figure(String name, String... values) {
    String line = "BENCH " + name + " " + String.join(" ", values);
    figures.add(line);
    System.out.println(line);
    System.out.flush();
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static long round(double value) {
    return Math.round(value);
  }

  private static long mb(long bytes) {
    return bytes / (1024 * 1024);
  }
}
