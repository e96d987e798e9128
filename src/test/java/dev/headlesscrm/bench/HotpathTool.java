package dev.headlesscrm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The data steps of {@code scripts/bench/hotpath.sh} (not a test; run with the test classpath):
 *
 * <ul>
 *   <li>{@code copy ROWS}: the big table, {@link CustomerSeed} rows COPYed into customers (the
 *       columns the service fills, search columns included), owners alternating between rep.zhang
 *       and rep.chen;
 *   <li>{@code realistic BASE N}: N customers owned by the caller (rep.zhang) through {@code POST
 *       /api/v1/customers/batch} (upserts by external id, so a rerun converges), one to three
 *       contacts each through {@code POST /api/v1/contacts/batch}, and two contacts on each
 *       customer of the caller's first default page (what the GraphQL query of the benchmark
 *       shows);
 *   <li>{@code walk BASE QUERY PAGES}: follows nextCursor to page PAGES and prints the URL of that
 *       page ({@code DEEP_URL=...});
 *   <li>{@code batch BASE REQUESTS}: REQUESTS batch requests of 1,000 upserts, then COPY of the
 *       same 1,000-row sets into {@code bench_customers_copy} (customers' columns and indexes,
 *       holding only these rows) and into {@code customers} itself (rolled back); prints rows/s of
 *       all three;
 *   <li>{@code upsert-many BASE REQUESTS}: REQUESTS batch requests of 1,000 new upserts, the rate
 *       printed every 50 requests.
 * </ul>
 *
 * <p>Environment: {@code HOTPATH_JDBC_URL}, {@code HOTPATH_DB_USER}, {@code HOTPATH_DB_PASSWORD},
 * {@code HOTPATH_TOKEN} (a bearer token for the API steps). Results are printed as {@code
 * KEY=value} lines the script reads.
 */
public final class HotpathTool {

  static final int BATCH = 1000;
  static final long SEED = 20261123L;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private HotpathTool() {}

  public static void main(String[] args) throws Exception {
    switch (args.length == 0 ? "" : args[0]) {
      case "copy" -> copy(Integer.parseInt(args[1]));
      case "realistic" -> realistic(args[1], Integer.parseInt(args[2]));
      case "walk" -> walk(args[1], args[2], Integer.parseInt(args[3]));
      case "batch" -> batch(args[1], Integer.parseInt(args[2]));
      case "upsert-many" -> upsertMany(args[1], Integer.parseInt(args[2]));
      default -> {
        System.err.println(
            "usage: HotpathTool copy ROWS | realistic BASE N | walk BASE QUERY PAGES");
        System.err.println("       | batch BASE REQUESTS | upsert-many BASE REQUESTS");
        System.exit(2);
      }
    }
  }

  // --- copy -------------------------------------------------------------------------------------

  static void copy(int rows) throws Exception {
    CustomerSeed seed = new CustomerSeed(SEED, Instant.now().truncatedTo(ChronoUnit.DAYS), rows);
    long started = System.nanoTime();
    try (Connection connection = db()) {
      connection.setAutoCommit(true);
      int chunk = 50_000;
      for (int from = 0; from < rows; from += chunk) {
        int to = Math.min(rows, from + chunk);
        copyRows(connection, "customers", seed, from, to, row -> row);
        System.out.printf(Locale.ROOT, "hotpath: copied %,d/%,d customers%n", to, rows);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "COPY_ROWS=%d%nCOPY_SECONDS=%.1f%n", rows, seconds);
  }

  /** One COPY (one transaction) of rows [from, to) of {@code seed} into {@code table}. */
  private static void copyRows(
      Connection connection,
      String table,
      CustomerSeed seed,
      int from,
      int to,
      UnaryOperator<CustomerSeed.Row> adjust)
      throws Exception {
    String sql = CustomerSeed.COPY_SQL.replace("COPY customers ", "COPY " + table + " ");
    PGConnection pg = connection.unwrap(PGConnection.class);
    StringBuilder line = new StringBuilder(1024);
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new PGCopyOutputStream(pg, sql, 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      for (int i = from; i < to; i++) {
        line.setLength(0);
        CustomerSeed.appendCopyLine(adjust.apply(seed.row(i)), line);
        out.append(line);
      }
    }
  }

  // --- realistic --------------------------------------------------------------------------------

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
  private static final String[] GIVEN = {
    "芳", "伟", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明"
  };
  private static final String[] TITLES = {"采购经理", "总经理", "财务总监", "技术主管", "行政专员", "销售总监"};

  static void realistic(String base, int n) throws Exception {
    CustomerSeed seed = new CustomerSeed(SEED + 7, Instant.now(), n);
    List<String> customerIds = new ArrayList<>();
    for (int from = 0; from < n; from += BATCH) {
      List<Map<String, Object>> ops = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + BATCH); i++) {
        ops.add(upsert(String.format("HOT-REAL-%05d", i), repBody(seed.row(i))));
      }
      customerIds.addAll(postBatch(base, "/api/v1/customers/batch", ops));
    }
    int contacts = 0;
    List<Map<String, Object>> ops = new ArrayList<>();
    for (int i = 0; i < customerIds.size(); i++) {
      SplittableRandom r = new SplittableRandom(SEED ^ i);
      int k = 1 + r.nextInt(3);
      for (int j = 0; j < k; j++) {
        ops.add(upsert(String.format("HOT-REAL-C-%05d-%d", i, j), contact(customerIds.get(i), r)));
      }
      if (ops.size() >= BATCH - 3 || i == customerIds.size() - 1) {
        contacts += postBatch(base, "/api/v1/contacts/batch", ops).size();
        ops.clear();
      }
    }
    // The caller's first page in the default order (oldest first: COPYed rows) gets contacts too,
    // so the GraphQL query of the benchmark resolves real ones.
    JsonNode first = getJson(base + "/api/v1/customers?limit=50&fields=id");
    for (JsonNode row : first.get("data")) {
      String id = row.get("id").asText();
      SplittableRandom r = new SplittableRandom(id.hashCode());
      for (int j = 0; j < 2; j++) {
        ops.add(upsert("HOT-FIRST-C-" + id + "-" + j, contact(id, r)));
      }
    }
    if (!ops.isEmpty()) {
      contacts += postBatch(base, "/api/v1/contacts/batch", ops).size();
    }
    System.out.printf(
        Locale.ROOT, "REAL_CUSTOMERS=%d%nREAL_CONTACTS=%d%n", customerIds.size(), contacts);
  }

  /**
   * A seed row as a sales rep may write it: without the fields hidden from sales reps (credit
   * limit, rating, finance) and without an owner (the caller owns what it creates).
   */
  static Map<String, Object> repBody(CustomerSeed.Row row) {
    Map<String, Object> data = CustomerSeed.apiBody(row);
    data.remove("creditLimit");
    data.remove("creditRating");
    data.remove("finance");
    data.remove("ownerId");
    return data;
  }

  private static Map<String, Object> contact(String customerId, SplittableRandom r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customerId", customerId);
    data.put("name", SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)]);
    data.put("title", TITLES[r.nextInt(TITLES.length)]);
    data.put("mobile", "13" + (100_000_000 + r.nextInt(899_999_999)));
    data.put("email", "c" + Integer.toUnsignedString(r.nextInt()) + "@example.com");
    return data;
  }

  private static Map<String, Object> upsert(String externalId, Map<String, Object> data) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("op", "upsert");
    op.put("externalId", externalId);
    op.put("data", data);
    return op;
  }

  /** Posts one non-atomic batch; every item must succeed. Returns the ids, in order. */
  private static List<String> postBatch(String base, String path, List<Map<String, Object>> ops)
      throws Exception {
    HttpResponse<byte[]> response = postBatchRaw(base + path, ops);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + new String(response.body()));
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode item : JSON.readTree(response.body()).get("results")) {
      int status = item.get("status").asInt();
      if (status != 200 && status != 201) {
        throw new IllegalStateException(path + " item failed: " + item);
      }
      ids.add(item.get("id").asText());
    }
    return ids;
  }

  private static HttpResponse<byte[]> postBatchRaw(String url, List<Map<String, Object>> ops)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("atomic", false);
    body.put("operations", ops);
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build();
    return HTTP.send(post, HttpResponse.BodyHandlers.ofByteArray());
  }

  // --- walk -------------------------------------------------------------------------------------

  static void walk(String base, String query, int pages) throws Exception {
    String url = base + "/api/v1/customers?" + query;
    String cursor = null;
    long started = System.nanoTime();
    int page = 1;
    for (; page < pages; page++) {
      JsonNode body = getJson(url + (cursor == null ? "" : "&cursor=" + enc(cursor)));
      cursor = body.get("page").path("nextCursor").asText(null);
      if (cursor == null) {
        break;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String deep = url + (cursor == null ? "" : "&cursor=" + enc(cursor));
    JsonNode last = getJson(deep);
    System.out.printf(
        Locale.ROOT,
        "WALK_PAGES=%d%nWALK_SECONDS=%.1f%nWALK_MEAN_MS=%.1f%nDEEP_ROWS=%d%nDEEP_URL=%s%n",
        page,
        seconds,
        seconds * 1000 / Math.max(1, page - 1),
        last.get("data").size(),
        deep);
  }

  // --- batch ------------------------------------------------------------------------------------

  static void batch(String base, int requests) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    CustomerSeed seed = new CustomerSeed(SEED + 11, Instant.now(), requests * BATCH);
    long[] nanos = new long[requests];
    for (int q = 0; q < requests; q++) {
      List<Map<String, Object>> ops = new ArrayList<>(BATCH);
      for (int i = q * BATCH; i < (q + 1) * BATCH; i++) {
        ops.add(upsert("HOT-BATCH-" + run + "-" + i, repBody(seed.row(i))));
      }
      long started = System.nanoTime();
      HttpResponse<byte[]> response = postBatchRaw(base + "/api/v1/customers/batch", ops);
      nanos[q] = System.nanoTime() - started;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("batch answered " + response.statusCode());
      }
      for (JsonNode item : JSON.readTree(response.body()).get("results")) {
        if (item.get("status").asInt() != 201) {
          throw new IllegalStateException("batch item failed: " + item);
        }
      }
    }
    long apiTotal = 0;
    for (long n : nanos) {
      apiTotal += n;
    }
    double apiRate = (double) requests * BATCH * 1e9 / apiTotal;
    double apiSteady =
        requests > 1 ? (double) (requests - 1) * BATCH * 1e9 / (apiTotal - nanos[0]) : apiRate;

    long copyNanos = 0;
    try (Connection connection = db()) {
      connection.setAutoCommit(true);
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS bench_customers_copy (LIKE customers INCLUDING ALL)");
        s.execute("TRUNCATE bench_customers_copy");
      }
      for (int q = 0; q < requests; q++) {
        long started = System.nanoTime();
        copyRows(connection, "bench_customers_copy", seed, q * BATCH, (q + 1) * BATCH, row -> row);
        copyNanos += System.nanoTime() - started;
      }
    }
    double copyRate = (double) requests * BATCH * 1e9 / copyNanos;

    // The same rows COPYed into customers itself, with its million rows and every index, each set
    // in a transaction that is rolled back (fresh ids and numbers: the seed's collide with the big
    // table's). Issue 11 states its batch target against this rate ("into the same table").
    long sameNanos = 0;
    try (Connection connection = db()) {
      connection.setAutoCommit(false);
      for (int q = 0; q < requests; q++) {
        long started = System.nanoTime();
        copyRows(
            connection,
            "customers",
            seed,
            q * BATCH,
            (q + 1) * BATCH,
            row -> row.renumbered(UUID.randomUUID(), "BKCOPY-" + run + "-" + row.number()));
        sameNanos += System.nanoTime() - started;
        connection.rollback();
      }
    }
    double sameRate = (double) requests * BATCH * 1e9 / sameNanos;
    System.out.printf(
        Locale.ROOT,
        "BATCH_REQUESTS=%d%nBATCH_API_ROWS_PER_S=%.0f%nBATCH_API_STEADY_ROWS_PER_S=%.0f%n"
            + "BATCH_API_MS_PER_REQUEST=%.0f%nBATCH_COPY_ROWS_PER_S=%.0f%n"
            + "BATCH_COPY_SAME_TABLE_ROWS_PER_S=%.0f%n",
        requests,
        apiRate,
        apiSteady,
        apiTotal / 1e6 / requests,
        copyRate,
        sameRate);
  }

  /**
   * REQUESTS batch requests of 1,000 new upserts, printing the rate of every 50 requests: the
   * million-row sync of issue 11 (watch the service's heap beside it, e.g. with jstat).
   */
  static void upsertMany(String base, int requests) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    CustomerSeed seed = new CustomerSeed(SEED + 13, Instant.now(), requests * BATCH);
    long started = System.nanoTime();
    long windowStarted = started;
    for (int q = 0; q < requests; q++) {
      List<Map<String, Object>> ops = new ArrayList<>(BATCH);
      for (int i = q * BATCH; i < (q + 1) * BATCH; i++) {
        ops.add(upsert("HOT-MANY-" + run + "-" + i, repBody(seed.row(i))));
      }
      HttpResponse<byte[]> response = postBatchRaw(base + "/api/v1/customers/batch", ops);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("batch answered " + response.statusCode());
      }
      if ((q + 1) % 50 == 0 || q + 1 == requests) {
        long now = System.nanoTime();
        int inWindow = (q % 50 + 1) * BATCH;
        System.out.printf(
            Locale.ROOT,
            "UPSERTED=%d ROWS_PER_S_WINDOW=%.0f ROWS_PER_S_TOTAL=%.0f%n",
            (q + 1) * BATCH,
            inWindow * 1e9 / (now - windowStarted),
            (q + 1) * BATCH * 1e9 / (now - started));
        windowStarted = now;
      }
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static JsonNode getJson(String url) throws Exception {
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token())
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    HttpResponse<byte[]> response = HTTP.send(get, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + url + " answered " + response.statusCode() + ": " + new String(response.body()));
    }
    return JSON.readTree(response.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String token() {
    String token = System.getenv("HOTPATH_TOKEN");
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("HOTPATH_TOKEN is not set");
    }
    return token;
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        env("HOTPATH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/crm_hotpath"),
        env("HOTPATH_DB_USER", "crm"),
        env("HOTPATH_DB_PASSWORD", "crm"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
