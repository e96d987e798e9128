package dev.headlesscrm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.customer.application.PoolReturnRules;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Working the customer base at scale (issue 13): a customer's timeline with {@code
 * bench.timeline.items} entries (10,000) paged as its owner (data scope SELF), and the public
 * pool's return preview over every seeded customer ({@code bench.rows}, 1,000,000) governed by one
 * pool. Run by {@code scripts/bench/customer-base.sh}; prints {@code BENCH ...} lines and writes
 * them to {@code target/bench/customer-base.txt}. Timings are never asserted, sanity is.
 *
 * <p>The pool's return dates over the million rows are computed with the rules' own SQL ({@link
 * PoolReturnRules}) in one statement (timed and reported), not through the service's per-customer
 * path with a history entry each, which a pool change over a million customers would take many
 * minutes to finish (see the closing note of issue 13). Everything the benchmark adds is removed
 * afterwards, so crm_bench keeps exactly its seeded rows.
 */
@QuarkusTest
@Tag("bench")
@TestProfile(BenchProfile.class)
class CustomerBaseBenchmark {

  static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
  static final int ITEMS = Integer.getInteger("bench.timeline.items", 10_000);
  static final int REQUESTS = Integer.getInteger("bench.requests", 200);
  static final int WARMUP = Integer.getInteger("bench.warmup", 20);
  static final int CHUNK = Integer.getInteger("bench.chunk", 50_000);
  static final Path REPORT = Path.of("target", "bench", "customer-base.txt");
  static final ZoneId CST = ZoneId.of("Asia/Shanghai");

  @Inject AgroalDataSource dataSource;
  @Inject PoolReturnRules rules;

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
  void customerBaseAtScale() throws Exception {
    String customer = null;
    String pool = null;
    try {
      figures.add(
          "# Customer-base benchmark "
              + Instant.now().truncatedTo(ChronoUnit.SECONDS)
              + " | rows="
              + ROWS
              + " | timeline items="
              + ITEMS
              + " | cpus="
              + Runtime.getRuntime().availableProcessors()
              + " | Java "
              + System.getProperty("java.version"));
      seeded();
      customer = timelineCustomer();
      timeline(customer);
      pool = poolOverEveryone();
      preview();
    } finally {
      cleanUp(customer, pool);
      Files.createDirectories(REPORT.getParent());
      Files.write(REPORT, figures, StandardCharsets.UTF_8);
      System.out.println();
      System.out.println("===== customer-base benchmark figures (" + REPORT.toAbsolutePath() + ")");
      figures.forEach(System.out::println);
      System.out.println("=====");
    }
  }

  /** The million customers of CustomerBenchmark, seeded by COPY when crm_bench lacks them. */
  private void seeded() throws Exception {
    long live = count("SELECT count(*) FROM customers WHERE deleted_at IS NULL");
    if (live >= ROWS) {
      figure("seed", "reused=true", "rows=" + live);
      return;
    }
    execute("TRUNCATE customers CASCADE");
    long started = System.nanoTime();
    CustomerSeed.copy(
        dataSource,
        new CustomerSeed(20261123L, Instant.now().truncatedTo(ChronoUnit.DAYS), ROWS),
        ROWS,
        CHUNK);
    figure("seed", "rows=" + ROWS, "seconds=" + fixed((System.nanoTime() - started) / 1e9));
  }

  // --- The timeline -----------------------------------------------------------------------

  /**
   * A customer of rep.zhang with ITEMS entries: 40 % follow-ups, 30 % tasks and 30 % ownership
   * moves in its history, spread over the past, written with SQL (the API would take minutes).
   */
  private String timelineCustomer() throws Exception {
    HttpResponse<byte[]> created =
        send(
            HttpRequest.newBuilder(uri("/api/v1/customers"))
                .header("Authorization", "Bearer " + Tokens.user("rep.zhang"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        json.writeValueAsBytes(Map.of("name", "时间线客户 " + System.nanoTime())))));
    assertEquals(201, created.statusCode(), () -> new String(created.body()));
    String id = json.readTree(created.body()).get("id").asText();
    int followUps = ITEMS * 4 / 10;
    int tasks = ITEMS * 3 / 10;
    int moves = ITEMS - followUps - tasks;
    String zhang = CustomerSeed.OWNER_EAST;
    String east = CustomerSeed.DEPARTMENT_EAST;
    long started = System.nanoTime();
    execute(
        "INSERT INTO follow_ups (id, customer_id, method, content, followed_up_at, owner_id,"
            + " owner_department_id, version, created_at, updated_at)"
            + " SELECT gen_random_uuid(), '"
            + id
            + "', 'CALL', '电话回访第 ' || g || ' 次', now() - g * interval '37 minutes', '"
            + zhang
            + "', '"
            + east
            + "', 0, now(), now() FROM generate_series(1, "
            + followUps
            + ") g");
    execute(
        "INSERT INTO tasks (id, subject, priority, status, customer_id, related_resource,"
            + " related_id, owner_id, owner_department_id, version, created_at, updated_at)"
            + " SELECT gen_random_uuid(), '待办 ' || g, 'NORMAL', 'DONE', '"
            + id
            + "', 'customer', '"
            + id
            + "', '"
            + zhang
            + "', '"
            + east
            + "', 0, now() - g * interval '53 minutes', now() FROM generate_series(1, "
            + tasks
            + ") g");
    execute(
        "INSERT INTO history_entries (id, resource, resource_id, version, action, actor,"
            + " occurred_at, changes) SELECT gen_random_uuid(), 'customer', '"
            + id
            + "', g, 'transferred', '"
            + zhang
            + "', now() - g * interval '71 minutes',"
            + " jsonb_build_object('ownerId', jsonb_build_object('old', '"
            + zhang
            + "', 'new', '"
            + zhang
            + "')) FROM generate_series(1, "
            + moves
            + ") g");
    execute("ANALYZE follow_ups");
    execute("ANALYZE tasks");
    execute("ANALYZE history_entries");
    figure(
        "timeline.seed",
        "items=" + ITEMS,
        "follow-ups=" + followUps,
        "tasks=" + tasks,
        "moves=" + moves,
        "seconds=" + fixed((System.nanoTime() - started) / 1e9));
    return id;
  }

  private void timeline(String customer) throws Exception {
    String first = "/api/v1/customers/" + customer + "/timeline?limit=50";
    latency("timeline.first-page", "rep.zhang", first, page -> assertPage(page, 50));
    // Every page, by cursor: the whole timeline in order, each page timed.
    for (int w = 0; w < 3; w++) {
      walk(customer, null);
    }
    List<Long> nanos = new ArrayList<>();
    int items = walk(customer, nanos);
    assertTrue(items >= ITEMS, "read " + items + " of at least " + ITEMS);
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    figure(
        "timeline.every-page",
        "rep.zhang",
        "pages=" + sorted.length,
        "items=" + items,
        "p50-ms=" + fixed(millis(percentile(sorted, 50))),
        "p95-ms=" + fixed(millis(percentile(sorted, 95))),
        "p99-ms=" + fixed(millis(percentile(sorted, 99))),
        "max-ms=" + fixed(millis(sorted[sorted.length - 1])));
    latency(
        "timeline.one-kind",
        "rep.zhang kind=task",
        "/api/v1/customers/" + customer + "/timeline?limit=50&kind=task",
        page -> assertPage(page, 50));
  }

  /** Reads the timeline to its end 50 at a time; adds each page's time when asked. */
  private int walk(String customer, List<Long> nanos) throws Exception {
    String cursor = null;
    int items = 0;
    Instant previous = null;
    do {
      String query =
          "/api/v1/customers/"
              + customer
              + "/timeline?limit=50"
              + (cursor == null ? "" : "&cursor=" + enc(cursor));
      long started = System.nanoTime();
      HttpResponse<byte[]> response = get(query, "rep.zhang");
      if (nanos != null) {
        nanos.add(System.nanoTime() - started);
      }
      assertEquals(200, response.statusCode(), () -> new String(response.body()));
      JsonNode page = json.readTree(response.body());
      for (JsonNode item : page.get("data")) {
        Instant at = Instant.parse(item.get("at").asText());
        assertTrue(previous == null || !at.isAfter(previous), "newest first");
        previous = at;
        items++;
      }
      JsonNode next = page.get("page").get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
    } while (cursor != null);
    return items;
  }

  // --- The pool preview -------------------------------------------------------------------

  /**
   * One pool whose members are the two owners of every seeded customer, with a 30-day no-follow-up
   * rule for levels A and B and a 90-day one for the rest; the return dates computed in one
   * statement with the rules' own SQL.
   */
  private String poolOverEveryone() throws Exception {
    HttpResponse<byte[]> created =
        send(
            HttpRequest.newBuilder(uri("/api/v1/customer-pools"))
                .header("Authorization", "Bearer " + Tokens.user("admin.li"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        json.writeValueAsBytes(
                            Map.of(
                                "name",
                                "基准公海 " + System.nanoTime(),
                                "memberEmployeeIds",
                                List.of(CustomerSeed.OWNER_EAST, CustomerSeed.OWNER_NORTH))))));
    assertEquals(201, created.statusCode(), () -> new String(created.body()));
    String pool = json.readTree(created.body()).get("id").asText();
    execute(
        "UPDATE customer_pools SET rules = '["
            + "{\"name\": \"AB三十天未跟进\", \"levels\": [\"A\", \"B\"], \"daysWithoutFollowUp\": 30,"
            + " \"includeLocked\": false, \"includeWon\": false},"
            + "{\"name\": \"九十天未跟进\", \"daysWithoutFollowUp\": 90,"
            + " \"includeLocked\": false, \"includeWon\": false}]' WHERE id = '"
            + pool
            + "'");
    // The pods' copy of the pools follows the version row within its poll.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    SqlFragment select;
    do {
      Thread.sleep(250);
      select = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(this::select);
    } while (!select.sql().contains("VALUES") && System.nanoTime() < deadline);
    assertTrue(select.sql().contains("VALUES"), "the rules are in force");
    long started = System.nanoTime();
    long updated =
        update(
            "UPDATE customers c SET pool_return_at = x.at, pool_return_pool_id = x.pool_id,"
                + " pool_return_rule = x.rule, pool_return_criterion = x.criterion FROM ("
                + select.sql()
                + ") x WHERE c.id = x.id AND x.at IS NOT NULL",
            select.params());
    double seconds = (System.nanoTime() - started) / 1e9;
    execute("ANALYZE customers");
    figure(
        "pool.return-dates",
        "customers=" + updated,
        "seconds=" + fixed(seconds),
        "rows/s=" + Math.round(updated / seconds),
        "note=one-set-wise-statement-with-the-rules-SQL");
    return pool;
  }

  private SqlFragment select() {
    return rules.select(
        "t.id",
        SqlFragment.of("t.deleted_at IS NULL AND t.pool_id IS NULL AND t.owner_id IS NOT NULL"));
  }

  private void preview() throws Exception {
    String tonight = LocalDate.now(CST).plusDays(1).atStartOfDay(CST).toInstant().toString();
    long due =
        count(
            "SELECT count(*) FROM customers WHERE deleted_at IS NULL AND pool_return_at <= '"
                + tonight
                + "'");
    figure("pool.due-tonight", "customers=" + due);
    String query = "/api/v1/customer-pools/returns?limit=50";
    latency("pool.preview", "admin.li first-page", query, page -> assertPage(page, 50));
    latency(
        "pool.preview",
        "rep.zhang first-page (scope SELF)",
        query,
        "rep.zhang",
        page -> assertPage(page, 50));
    latency(
        "pool.preview",
        "admin.li count=true",
        query + "&count=true",
        "admin.li",
        page -> assertEquals(due, page.get("page").get("total").asLong()));
  }

  // --- Clean-up: crm_bench keeps exactly its seeded rows ----------------------------------

  private void cleanUp(String customer, String pool) throws SQLException {
    if (pool != null) {
      execute(
          "UPDATE customers SET pool_return_at = NULL, pool_return_pool_id = NULL,"
              + " pool_return_rule = NULL, pool_return_criterion = NULL"
              + " WHERE pool_return_pool_id = '"
              + pool
              + "'");
      execute("DELETE FROM customer_pools WHERE id = '" + pool + "'");
    }
    if (customer != null) {
      execute("DELETE FROM follow_ups WHERE customer_id = '" + customer + "'");
      execute("DELETE FROM tasks WHERE customer_id = '" + customer + "'");
      execute("DELETE FROM history_entries WHERE resource_id = '" + customer + "'");
      execute("DELETE FROM customers WHERE id = '" + customer + "'");
    }
  }

  // --- Plumbing -----------------------------------------------------------------------------

  private void assertPage(JsonNode page, int size) {
    assertEquals(size, page.get("data").size(), page.toString());
  }

  private void latency(
      String name, String label, String query, java.util.function.Consumer<JsonNode> check)
      throws Exception {
    latency(name, label, query, label.startsWith("rep.zhang") ? "rep.zhang" : "admin.li", check);
  }

  private void latency(
      String name,
      String label,
      String query,
      String user,
      java.util.function.Consumer<JsonNode> check)
      throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      HttpResponse<byte[]> response = get(query, user);
      assertEquals(200, response.statusCode(), () -> new String(response.body()));
      check.accept(json.readTree(response.body()));
    }
    long[] nanos = new long[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      long started = System.nanoTime();
      HttpResponse<byte[]> response = get(query, user);
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

  private HttpResponse<byte[]> get(String pathAndQuery, String user) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(pathAndQuery))
            .header("Authorization", "Bearer " + Tokens.user(user))
            .GET());
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String pathAndQuery) {
    return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long update(String sql, List<Object> params) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      return s.executeLargeUpdate();
    }
  }

  private void figure(String name, String... values) {
    String line = "BENCH " + name + " " + String.join(" ", values);
    figures.add(line);
    System.out.println(line);
    System.out.flush();
  }

  static long percentile(long[] sorted, int p) {
    return CustomerBenchmark.percentile(sorted, p);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
