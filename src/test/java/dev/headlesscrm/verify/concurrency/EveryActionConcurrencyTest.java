package dev.headlesscrm.verify.concurrency;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource.Route;
import dev.headlesscrm.sales.SalesChainTest;
import dev.headlesscrm.support.Api;
import dev.headlesscrm.verify.owasp.Fixtures;
import dev.headlesscrm.verify.owasp.Inventory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: every domain action of the committed contract ({@code POST /api/v1/<collection>/{id}/
 * <action>}) fired {@value #N} times at once on one record, without Idempotency-Key. Exactly the
 * allowed number succeed; every other call is a 409 problem (a state action already done, or a
 * record changed meanwhile) — except where a case says otherwise; each success moves the record's
 * version once and writes exactly one history entry and one event, so the sum of the effects is the
 * number of acknowledged calls.
 *
 * <p>The inventory comes from {@code openapi/openapi.yaml}: a new action route that no case here
 * covers fails {@link #everyDocumentedActionHasACase}. Lives under {@code verify} (run last)
 * because it activates an approval flow and a commission rule for a while.
 */
@QuarkusTest
class EveryActionConcurrencyTest {

  static final int N = 6;
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final String PREFIX = "0193a000-0000-7000-8000-0000000000";
  static final String ZHANG = PREFIX + "e3";

  /** The employees other than rep.zhang (who owns what the cases make): six of them. */
  static final List<String> OTHERS =
      List.of(
          PREFIX + "e1", PREFIX + "e2", PREFIX + "e4", PREFIX + "e5", PREFIX + "e6", PREFIX + "e7");

  static final Pattern ACTION = Pattern.compile("/api/v1/([a-z-]+)/\\{id}/([a-z-]+)");

  /** The action routes ({@code contracts/activate}) a test method covers. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Covers {
    String[] value();
  }

  @Inject Instance<ReadOnlyRecordResource<?>> resources;
  @Inject ResourceRegistry registry;
  @Inject AgroalDataSource db;

  // --- The inventory ---------------------------------------------------------------------------

  /** {@code collection/action} of every documented POST /api/v1/x/{id}/action. */
  static Set<String> documentedActions() {
    Set<String> out = new TreeSet<>();
    for (Inventory.Operation op : Inventory.operations()) {
      Matcher m = ACTION.matcher(op.path());
      if (op.method().equals("post") && m.matches()) {
        out.add(m.group(1) + "/" + m.group(2));
      }
    }
    return out;
  }

  /** The documented routes of one generic action (team, transfer, restore): its collections. */
  static Stream<String> collectionsWith(String action) {
    return documentedActions().stream()
        .filter(a -> a.endsWith("/" + action))
        .map(a -> a.substring(0, a.indexOf('/')));
  }

  static Stream<String> teamCollections() {
    return collectionsWith("team");
  }

  static Stream<String> transferCollections() {
    return collectionsWith("transfer");
  }

  static Stream<String> restoreCollections() {
    return collectionsWith("restore");
  }

  @Test
  void everyDocumentedActionHasACase() {
    Set<String> covered = new HashSet<>();
    for (Method m : getClass().getDeclaredMethods()) {
      Covers c = m.getAnnotation(Covers.class);
      if (c != null) {
        covered.addAll(List.of(c.value()));
      }
    }
    // The generic actions are parameterized over the inventory itself.
    for (String generic : List.of("team", "transfer", "restore")) {
      collectionsWith(generic).forEach(c -> covered.add(c + "/" + generic));
    }
    Set<String> missing = new TreeSet<>(documentedActions());
    missing.removeAll(covered);
    assertEquals(Set.of(), missing, "action routes without a concurrency case");
    Set<String> stale = new TreeSet<>(covered);
    stale.removeAll(documentedActions());
    assertEquals(Set.of(), stale, "cases for routes the contract no longer has");
    assertTrue(documentedActions().size() >= 60, "inventory read: " + documentedActions());
  }

  // --- Firing and counting ---------------------------------------------------------------------

  static List<Integer> statuses(List<Response> responses) {
    return responses.stream().map(Response::statusCode).toList();
  }

  /**
   * Exactly {@code ok} calls answered {@code okStatus}; every other one is a 409 problem. Returns
   * the successful responses.
   */
  static List<Response> assertOutcome(List<Response> responses, int ok, int okStatus) {
    List<Integer> statuses = statuses(responses);
    List<Response> wins = responses.stream().filter(r -> r.statusCode() == okStatus).toList();
    assertEquals(ok, wins.size(), "acknowledged: " + statuses + " " + bodies(responses));
    for (Response r : responses) {
      if (r.statusCode() != okStatus) {
        assertEquals(409, r.statusCode(), "refused: " + statuses + " " + bodies(responses));
        assertTrue(
            r.contentType().startsWith("application/problem+json"),
            "a problem: " + r.contentType());
        assertEquals(409, r.jsonPath().getInt("status"));
      }
    }
    return wins;
  }

  static String bodies(List<Response> responses) {
    return responses.stream()
        .filter(r -> r.statusCode() >= 400)
        .map(r -> r.statusCode() + ":" + r.asString())
        .distinct()
        .toList()
        .toString();
  }

  int version(String user, String collection, String id) {
    Response r = Api.as(user).get("/api/v1/" + collection + "/" + id);
    assertEquals(200, r.statusCode(), r.asString());
    int version = r.jsonPath().getInt("version");
    assertEquals("W/\"" + version + "\"", r.header("ETag"));
    return version;
  }

  /**
   * Since version {@code before}, the record moved exactly {@code times} versions, every one of
   * them a history entry with this action (one each, consecutive) and one event.
   */
  void assertMoved(String user, String collection, String id, int before, int times, String action)
      throws SQLException {
    assertEquals(before + times, version(user, collection, id), collection + " " + action);
    JsonPath history =
        Api.as(user)
            .get("/api/v1/" + collection + "/" + id + "/history?limit=200")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Integer> versions = new ArrayList<>();
    List<Map<String, Object>> entries = history.getList("data");
    for (Map<String, Object> e : entries) {
      int v = ((Number) e.get("version")).intValue();
      if (v > before) {
        assertEquals(action, e.get("action"), collection + " history " + entries);
        versions.add(v);
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int v = before + times; v > before; v--) {
      expected.add(v);
    }
    assertEquals(expected, versions, collection + " history versions after " + before);
    assertEquals(times, events(id, action, before), collection + " events " + action);
  }

  /** The events of the record with this action after a version. */
  long events(String resourceId, String action, int afterVersion) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM events WHERE resource_id = ? AND type LIKE ? AND version > ?")) {
      s.setObject(1, UUID.fromString(resourceId));
      s.setString(2, "%." + action);
      s.setLong(3, afterVersion);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  long count(String sql, Object... params) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Fires the action N times as the user with an optional body; asserts one winner and its trace.
   */
  void exactlyOnce(
      String user, String collection, String id, String action, Object body, String recorded)
      throws Exception {
    int before = version(user, collection, id);
    List<Response> responses =
        Api.inParallel(
            N,
            i -> {
              var request = Api.as(user);
              if (body != null) {
                request.body(body);
              }
              return request.post("/api/v1/" + collection + "/" + id + "/" + action);
            });
    Response win = assertOutcome(responses, 1, 200).get(0);
    // A conversion answers the lead with what it made; every other action the record.
    String path = win.jsonPath().get("lead") != null ? "lead.version" : "version";
    assertEquals(before + 1, win.jsonPath().getInt(path));
    if (path.equals("version")) {
      assertEquals("W/\"" + (before + 1) + "\"", win.header("ETag"));
    }
    assertMoved(user, collection, id, before, 1, recorded);
  }

  // --- Fixtures --------------------------------------------------------------------------------

  static String post(String user, String path, Object body) {
    return Api.as(user).body(body).post(path).then().statusCode(201).extract().path("id");
  }

  static void act(String user, String collection, String id, String action) {
    Api.as(user).post("/api/v1/" + collection + "/" + id + "/" + action).then().statusCode(200);
  }

  static String draftContract(Object amount) {
    return post(
        "rep.zhang",
        "/api/v1/contracts",
        Map.of(
            "name", "并发合同", "customerId", SalesChainTest.customer("rep.zhang"), "amount", amount));
  }

  static String approvedContract(Object amount) {
    String id = draftContract(amount);
    act("rep.zhang", "contracts", id, "submit");
    return id;
  }

  static Map<String, Object> quoteBody(int discount) {
    return Map.of(
        "name",
        "并发报价",
        "customerId",
        SalesChainTest.customer("rep.zhang"),
        "validUntil",
        TODAY.plusDays(30).toString(),
        "lines",
        List.of(
            Map.of(
                "description",
                "服务",
                "quantity",
                1,
                "unitPrice",
                10000,
                "discountPercent",
                discount)));
  }

  static String approvedQuote() {
    String id = post("rep.zhang", "/api/v1/quotes", quoteBody(0));
    act("rep.zhang", "quotes", id, "submit");
    return id;
  }

  /** A sales order of one line of 15 units from an approved contract, in DRAFT; its id and line. */
  static JsonPath draftOrder() {
    String contract =
        post(
            "rep.zhang",
            "/api/v1/contracts",
            Map.of(
                "name",
                "并发订单合同",
                "customerId",
                SalesChainTest.customer("rep.zhang"),
                "lines",
                List.of(Map.of("description", "机柜", "quantity", 15, "unitPrice", 1000))));
    act("rep.zhang", "contracts", contract, "submit");
    return Api.as("rep.zhang")
        .post("/api/v1/sales-orders/from-contract/" + contract)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  static String draftPayment(String contract, Object amount) {
    return post(
        "rep.zhang",
        "/api/v1/payments",
        Map.of(
            "contractId",
            contract,
            "paidOn",
            TODAY.toString(),
            "amount",
            amount,
            "method",
            "BANK_TRANSFER"));
  }

  Route route(String collection) {
    Fixtures fixtures = new Fixtures(resources, registry);
    return fixtures.routes().values().stream()
        .filter(r -> r.path().equals("/api/v1/" + collection))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no resource at /api/v1/" + collection));
  }

  /**
   * A fresh record of the collection owned by rep.zhang: made generically from the contract's
   * example (as the OWASP suite does), or by hand where a rule needs more than the example.
   */
  String fresh(String collection) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return switch (collection) {
      case "payment-plans" ->
          post(
              "rep.zhang",
              "/api/v1/payment-plans",
              Map.of(
                  "contractId",
                  approvedContract(10000),
                  "dueDate",
                  TODAY.plusDays(30).toString(),
                  "amount",
                  1000));
      case "payments" -> draftPayment(approvedContract(10000), 1000);
      case "pipelines" ->
          post(
              "admin.li",
              "/api/v1/pipelines",
              Map.of(
                  "name",
                  "并发管道" + unique,
                  "stages",
                  List.of(
                      Map.of("code", "O", "name", "进行", "probability", 10, "kind", "OPEN"),
                      Map.of("code", "W", "name", "赢单", "probability", 100, "kind", "WON"),
                      Map.of("code", "L", "name", "输单", "probability", 0, "kind", "LOST"))));
      case "sales-targets" ->
          post(
              "admin.li",
              "/api/v1/sales-targets",
              Map.of(
                  "period",
                  YearMonth.of(2800 + (int) (Math.random() * 99), 1 + (int) (Math.random() * 12))
                      .toString(),
                  "metric",
                  "CONTRACT_AMOUNT",
                  "target",
                  1000,
                  "employeeId",
                  ZHANG));
      case "custom-fields" ->
          post(
              "admin.li",
              "/api/v1/custom-fields",
              Map.of(
                  "resource",
                  "customer",
                  "key",
                  "conc" + unique.replace("-", ""),
                  "type",
                  "TEXT",
                  "labelZh",
                  "并发",
                  "labelEn",
                  "Concurrency"));
      default -> new Fixtures(resources, registry).create(route(collection), ZHANG, 0);
    };
  }

  // --- State actions ---------------------------------------------------------------------------

  @Test
  @Covers("contracts/submit")
  void contractSubmit() throws Exception {
    exactlyOnce("rep.zhang", "contracts", draftContract(5000), "submit", null, "approved");
  }

  @Test
  @Covers("contracts/activate")
  void contractActivate() throws Exception {
    exactlyOnce("rep.zhang", "contracts", approvedContract(5000), "activate", null, "activated");
  }

  @Test
  @Covers("contracts/complete")
  void contractComplete() throws Exception {
    String id = approvedContract(5000);
    act("rep.zhang", "contracts", id, "activate");
    exactlyOnce("rep.zhang", "contracts", id, "complete", null, "completed");
  }

  @Test
  @Covers("contracts/terminate")
  void contractTerminate() throws Exception {
    String id = approvedContract(5000);
    act("rep.zhang", "contracts", id, "activate");
    exactlyOnce("rep.zhang", "contracts", id, "terminate", null, "terminated");
  }

  @Test
  @Covers("contracts/void")
  void contractVoid() throws Exception {
    exactlyOnce("rep.zhang", "contracts", approvedContract(5000), "void", null, "voided");
  }

  @Test
  @Covers("quotes/submit")
  void quoteSubmit() throws Exception {
    exactlyOnce(
        "rep.zhang",
        "quotes",
        post("rep.zhang", "/api/v1/quotes", quoteBody(0)),
        "submit",
        null,
        "approved");
  }

  @Test
  @Covers("quotes/send")
  void quoteSend() throws Exception {
    exactlyOnce("rep.zhang", "quotes", approvedQuote(), "send", null, "sent");
  }

  @Test
  @Covers("quotes/accept")
  void quoteAccept() throws Exception {
    String id = approvedQuote();
    act("rep.zhang", "quotes", id, "send");
    exactlyOnce("rep.zhang", "quotes", id, "accept", null, "accepted");
  }

  /** Revise makes a new revision (201): one, however many ask at once; the old one is frozen. */
  @Test
  @Covers("quotes/revise")
  void quoteRevise() throws Exception {
    String id = approvedQuote();
    int before = version("rep.zhang", "quotes", id);
    String number = Api.as("rep.zhang").get("/api/v1/quotes/" + id).path("number");
    List<Response> responses =
        Api.inParallel(N, i -> Api.as("rep.zhang").post("/api/v1/quotes/" + id + "/revise"));
    Response win = assertOutcome(responses, 1, 201).get(0);
    assertEquals(2, win.jsonPath().getInt("revision"));
    assertMoved("rep.zhang", "quotes", id, before, 1, "superseded");
    Api.as("rep.zhang")
        .get("/api/v1/quotes?count=true&filter=number==" + number)
        .then()
        .body("page.total", equalTo(2));
  }

  @Test
  @Covers("sales-orders/confirm")
  void orderConfirm() throws Exception {
    exactlyOnce(
        "rep.zhang", "sales-orders", draftOrder().getString("id"), "confirm", null, "confirmed");
  }

  @Test
  @Covers("sales-orders/cancel")
  void orderCancel() throws Exception {
    exactlyOnce(
        "rep.zhang", "sales-orders", draftOrder().getString("id"), "cancel", null, "cancelled");
  }

  @Test
  @Covers("sales-orders/close")
  void orderClose() throws Exception {
    JsonPath order = draftOrder();
    String id = order.getString("id");
    act("rep.zhang", "sales-orders", id, "confirm");
    Api.as("rep.zhang")
        .body(
            Map.of(
                "lines", List.of(Map.of("lineId", order.getString("lines[0].id"), "quantity", 15))))
        .post("/api/v1/sales-orders/" + id + "/deliver")
        .then()
        .statusCode(200)
        .body("status", equalTo("DELIVERED"));
    exactlyOnce("rep.zhang", "sales-orders", id, "close", null, "closed");
  }

  /**
   * Six deliveries of 5 on a line of 15: three fit, the other three find the order DELIVERED (409),
   * and the units delivered are exactly those acknowledged.
   */
  @Test
  @Covers("sales-orders/deliver")
  void orderDeliver() throws Exception {
    JsonPath order = draftOrder();
    String id = order.getString("id");
    act("rep.zhang", "sales-orders", id, "confirm");
    int before = version("rep.zhang", "sales-orders", id);
    Map<String, Object> five =
        Map.of("lines", List.of(Map.of("lineId", order.getString("lines[0].id"), "quantity", 5)));
    List<Response> responses =
        Api.inParallel(
            N, i -> Api.as("rep.zhang").body(five).post("/api/v1/sales-orders/" + id + "/deliver"));
    assertOutcome(responses, 3, 200);
    assertMoved("rep.zhang", "sales-orders", id, before, 3, "delivered");
    Api.as("rep.zhang")
        .get("/api/v1/sales-orders/" + id)
        .then()
        .body("lines[0].deliveredQuantity", equalTo(15))
        .body("status", equalTo("DELIVERED"));
  }

  static String task() {
    return post("rep.zhang", "/api/v1/tasks", java.util.Map.of("subject", "并发待办"));
  }

  @Test
  @Covers("tasks/complete")
  void taskComplete() throws Exception {
    exactlyOnce("rep.zhang", "tasks", task(), "complete", null, "completed");
  }

  @Test
  @Covers("tasks/cancel")
  void taskCancel() throws Exception {
    exactlyOnce("rep.zhang", "tasks", task(), "cancel", null, "cancelled");
  }

  @Test
  @Covers("tasks/reopen")
  void taskReopen() throws Exception {
    String task = task();
    act("rep.zhang", "tasks", task, "complete");
    exactlyOnce("rep.zhang", "tasks", task, "reopen", null, "reopened");
  }

  // --- Campaigns (营销活动) ---

  static String campaign() {
    return post(
        "marketing.zhao",
        "/api/v1/campaigns",
        java.util.Map.of("name", "并发活动", "type", "PROMOTION"));
  }

  @Test
  @Covers("campaigns/launch")
  void campaignLaunch() throws Exception {
    exactlyOnce("marketing.zhao", "campaigns", campaign(), "launch", null, "launched");
  }

  @Test
  @Covers("campaigns/complete")
  void campaignComplete() throws Exception {
    String campaign = campaign();
    act("marketing.zhao", "campaigns", campaign, "launch");
    exactlyOnce("marketing.zhao", "campaigns", campaign, "complete", null, "completed");
  }

  @Test
  @Covers("campaigns/cancel")
  void campaignCancel() throws Exception {
    exactlyOnce("marketing.zhao", "campaigns", campaign(), "cancel", null, "cancelled");
  }

  @Test
  @Covers("campaigns/replan")
  void campaignReplan() throws Exception {
    String campaign = campaign();
    act("marketing.zhao", "campaigns", campaign, "cancel");
    exactlyOnce("marketing.zhao", "campaigns", campaign, "replan", null, "replanned");
  }

  // --- Service requests (服务请求): the agent agent.sun works them ---

  static final String SUN = PREFIX + "e7";

  static String serviceRequest() {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("customerId", SalesChainTest.customer("rep.zhang"));
    body.put("channel", "PHONE");
    body.put("type", "COMPLAINT");
    body.put("subject", "并发服务请求");
    body.put("ownerId", SUN);
    return post("admin.li", "/api/v1/service-requests", body);
  }

  static void agent(String id, String action, Object body) {
    var request = Api.as("agent.sun");
    if (body != null) {
      request.body(body);
    }
    request.post("/api/v1/service-requests/" + id + "/" + action).then().statusCode(200);
  }

  /** Six hand-overs to agent.sun of a request the administrator took: one wins. */
  @Test
  @Covers("service-requests/assign")
  void serviceRequestAssign() throws Exception {
    String id =
        post(
            "admin.li",
            "/api/v1/service-requests",
            Map.of(
                "customerId",
                SalesChainTest.customer("rep.zhang"),
                "channel",
                "PHONE",
                "type",
                "REPAIR",
                "subject",
                "并发转派"));
    exactlyOnce("admin.li", "service-requests", id, "assign", Map.of("ownerId", SUN), "assigned");
  }

  @Test
  @Covers("service-requests/start")
  void serviceRequestStart() throws Exception {
    exactlyOnce("agent.sun", "service-requests", serviceRequest(), "start", null, "started");
  }

  /** Every response is one: six calls, six versions, six history entries. */
  @Test
  @Covers("service-requests/respond")
  void serviceRequestRespond() throws Exception {
    String id = serviceRequest();
    int before = version("agent.sun", "service-requests", id);
    List<Response> responses =
        Api.inParallel(
            N, i -> Api.as("agent.sun").post("/api/v1/service-requests/" + id + "/respond"));
    assertOutcome(responses, N, 200);
    assertMoved("agent.sun", "service-requests", id, before, N, "responded");
  }

  @Test
  @Covers("service-requests/wait")
  void serviceRequestWait() throws Exception {
    String id = serviceRequest();
    agent(id, "start", null);
    exactlyOnce("agent.sun", "service-requests", id, "wait", null, "waiting");
  }

  @Test
  @Covers("service-requests/resume")
  void serviceRequestResume() throws Exception {
    String id = serviceRequest();
    agent(id, "start", null);
    agent(id, "wait", null);
    exactlyOnce("agent.sun", "service-requests", id, "resume", null, "resumed");
  }

  @Test
  @Covers("service-requests/resolve")
  void serviceRequestResolve() throws Exception {
    exactlyOnce(
        "agent.sun",
        "service-requests",
        serviceRequest(),
        "resolve",
        Map.of("resolution", "已处理"),
        "resolved");
  }

  @Test
  @Covers("service-requests/close")
  void serviceRequestClose() throws Exception {
    String id = serviceRequest();
    agent(id, "resolve", Map.of("resolution", "已处理"));
    exactlyOnce("agent.sun", "service-requests", id, "close", null, "closed");
  }

  @Test
  @Covers("service-requests/reopen")
  void serviceRequestReopen() throws Exception {
    String id = serviceRequest();
    agent(id, "resolve", Map.of("resolution", "已处理"));
    exactlyOnce("agent.sun", "service-requests", id, "reopen", null, "reopened");
  }

  /** Every routing is one: six calls, six versions, six decisions kept. */
  @Test
  @Covers("service-requests/route")
  void serviceRequestRoute() throws Exception {
    String queue =
        post(
            "admin.li",
            "/api/v1/service-queues",
            Map.of(
                "name",
                "并发队列" + System.nanoTime(),
                "rank",
                999999,
                "categories",
                List.of("DELIVERY"),
                "requestTypes",
                List.of("SUGGESTION")));
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("customerId", SalesChainTest.customer("rep.zhang"));
    body.put("channel", "PHONE");
    body.put("type", "SUGGESTION");
    body.put("category", "DELIVERY");
    body.put("subject", "并发路由");
    body.put("ownerId", SUN);
    String id = post("admin.li", "/api/v1/service-requests", body);
    try {
      int before = version("admin.li", "service-requests", id);
      List<Response> responses =
          Api.inParallel(
              N, i -> Api.as("admin.li").post("/api/v1/service-requests/" + id + "/route"));
      assertOutcome(responses, N, 200);
      assertMoved("admin.li", "service-requests", id, before, N, "routed");
      Api.as("admin.li")
          .get("/api/v1/service-requests/" + id + "/routing")
          .then()
          .body("data.size()", equalTo(N));
    } finally {
      Api.as("admin.li").delete("/api/v1/service-queues/" + queue).then().statusCode(204);
    }
  }

  /** Each escalation is a level: six calls, six levels, none lost. */
  @Test
  @Covers("service-requests/escalate")
  void serviceRequestEscalate() throws Exception {
    String id = serviceRequest();
    int before = version("agent.sun", "service-requests", id);
    List<Response> responses =
        Api.inParallel(
            N,
            i ->
                Api.as("agent.sun")
                    .body(Map.of())
                    .post("/api/v1/service-requests/" + id + "/escalate"));
    assertOutcome(responses, N, 200);
    assertMoved("agent.sun", "service-requests", id, before, N, "escalated");
    Api.as("agent.sun")
        .get("/api/v1/service-requests/" + id)
        .then()
        .body("escalationLevel", equalTo(N));
  }

  // --- Product defects (产品缺陷) ---

  static String defect() {
    String product =
        post(
            "manager.wang",
            "/api/v1/products",
            Map.of("code", "CONC" + UUID.randomUUID().toString().substring(0, 8), "name", "并发产品"));
    return post(
        "agent.sun", "/api/v1/product-defects", Map.of("productId", product, "title", "并发缺陷"));
  }

  static void defectAct(String id, String action) {
    Api.as("agent.sun").post("/api/v1/product-defects/" + id + "/" + action).then().statusCode(200);
  }

  @Test
  @Covers("product-defects/confirm")
  void defectConfirm() throws Exception {
    exactlyOnce("agent.sun", "product-defects", defect(), "confirm", null, "confirmed");
  }

  @Test
  @Covers("product-defects/start-fix")
  void defectStartFix() throws Exception {
    String id = defect();
    defectAct(id, "confirm");
    exactlyOnce("agent.sun", "product-defects", id, "start-fix", null, "fix-started");
  }

  @Test
  @Covers("product-defects/mark-fixed")
  void defectMarkFixed() throws Exception {
    String id = defect();
    defectAct(id, "confirm");
    defectAct(id, "start-fix");
    exactlyOnce(
        "agent.sun", "product-defects", id, "mark-fixed", Map.of("fixedInVersion", "2.0"), "fixed");
  }

  @Test
  @Covers("product-defects/close")
  void defectClose() throws Exception {
    exactlyOnce("agent.sun", "product-defects", defect(), "close", null, "closed");
  }

  // --- Repairs (产品维修) and packing lists (装箱单) ---

  /** An open repair of a fresh request assigned to agent.sun, using one part. */
  static String repair() {
    java.util.HashMap<String, Object> request = new java.util.HashMap<>();
    request.put("customerId", SalesChainTest.customer("rep.zhang"));
    request.put("channel", "PHONE");
    request.put("type", "REPAIR");
    request.put("subject", "并发维修");
    request.put("ownerId", PREFIX + "e7");
    String product =
        post(
            "manager.wang",
            "/api/v1/products",
            Map.of("code", "CONC" + UUID.randomUUID().toString().substring(0, 8), "name", "并发配件"));
    return post(
        "agent.sun",
        "/api/v1/repairs",
        Map.of(
            "serviceRequestId",
            post("admin.li", "/api/v1/service-requests", request),
            "parts",
            List.of(Map.of("productId", product, "quantity", 2, "unitPrice", 10))));
  }

  static void repairAct(String id, String action, Object body) {
    var r = Api.as("agent.sun");
    if (body != null) {
      r.body(body);
    }
    r.post("/api/v1/repairs/" + id + "/" + action).then().statusCode(200);
  }

  @Test
  @Covers("repairs/schedule")
  void repairSchedule() throws Exception {
    exactlyOnce(
        "agent.sun",
        "repairs",
        repair(),
        "schedule",
        Map.of("technicianId", PREFIX + "e7", "scheduledStart", "2026-12-08T01:00:00Z"),
        "scheduled");
  }

  @Test
  @Covers("repairs/start")
  void repairStart() throws Exception {
    exactlyOnce("agent.sun", "repairs", repair(), "start", null, "started");
  }

  @Test
  @Covers("repairs/complete")
  void repairComplete() throws Exception {
    String id = repair();
    repairAct(id, "start", null);
    exactlyOnce(
        "agent.sun",
        "repairs",
        id,
        "complete",
        Map.of("diagnosis", "温控失效", "resolution", "更换定影器"),
        "completed");
  }

  @Test
  @Covers("repairs/cancel")
  void repairCancel() throws Exception {
    exactlyOnce("agent.sun", "repairs", repair(), "cancel", Map.of("reason", "并发"), "cancelled");
  }

  /** A draft packing list of a fresh repair (its part copied). */
  static String packingList() {
    return post("agent.sun", "/api/v1/packing-lists", Map.of("repairId", repair()));
  }

  static void packingAct(String id, String action, Object body) {
    var r = Api.as("agent.sun");
    if (body != null) {
      r.body(body);
    }
    r.post("/api/v1/packing-lists/" + id + "/" + action).then().statusCode(200);
  }

  @Test
  @Covers("packing-lists/pack")
  void packingListPack() throws Exception {
    exactlyOnce("agent.sun", "packing-lists", packingList(), "pack", null, "packed");
  }

  @Test
  @Covers("packing-lists/ship")
  void packingListShip() throws Exception {
    String id = packingList();
    packingAct(id, "pack", null);
    exactlyOnce(
        "agent.sun", "packing-lists", id, "ship", Map.of("trackingNumber", "SF-CONC-1"), "shipped");
  }

  @Test
  @Covers("packing-lists/deliver")
  void packingListDeliver() throws Exception {
    String id = packingList();
    packingAct(id, "pack", null);
    packingAct(id, "ship", Map.of("trackingNumber", "SF-CONC-2"));
    exactlyOnce("agent.sun", "packing-lists", id, "deliver", null, "delivered");
  }

  @Test
  @Covers("packing-lists/return")
  void packingListReturn() throws Exception {
    String id = packingList();
    packingAct(id, "pack", null);
    packingAct(id, "ship", Map.of("trackingNumber", "SF-CONC-3"));
    exactlyOnce("agent.sun", "packing-lists", id, "return", null, "returned");
  }

  // --- Knowledge base ---------------------------------------------------------------------------

  static String article() {
    return post("agent.sun", "/api/v1/knowledge-articles", Map.of("title", "并发文章"));
  }

  static String publishedArticle() {
    String id = article();
    act("admin.li", "knowledge-articles", id, "publish");
    return id;
  }

  @Test
  @Covers("knowledge-articles/publish")
  void articlePublish() throws Exception {
    exactlyOnce("admin.li", "knowledge-articles", article(), "publish", null, "published");
  }

  @Test
  @Covers("knowledge-articles/retire")
  void articleRetire() throws Exception {
    exactlyOnce("admin.li", "knowledge-articles", publishedArticle(), "retire", null, "retired");
  }

  @Test
  @Covers("knowledge-articles/redraft")
  void articleRedraft() throws Exception {
    exactlyOnce("admin.li", "knowledge-articles", publishedArticle(), "redraft", null, "redrafted");
  }

  /** One vote per reader: the same reader's six votes count once. */
  @Test
  @Covers("knowledge-articles/feedback")
  void articleFeedback() throws Exception {
    exactlyOnce(
        "agent.sun",
        "knowledge-articles",
        publishedArticle(),
        "feedback",
        Map.of("helpful", true),
        "voted");
  }

  /** Once per request: six uses on one request count once, six on six requests count six. */
  @Test
  @Covers("knowledge-articles/use")
  void articleUse() throws Exception {
    String id = publishedArticle();
    exactlyOnce(
        "agent.sun",
        "knowledge-articles",
        id,
        "use",
        Map.of("serviceRequestId", serviceRequest()),
        "used");
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      requests.add(serviceRequest());
    }
    int before = version("agent.sun", "knowledge-articles", id);
    List<Response> responses =
        Api.inParallel(
            N,
            i ->
                Api.as("agent.sun")
                    .body(Map.of("serviceRequestId", requests.get(i)))
                    .post("/api/v1/knowledge-articles/" + id + "/use"));
    assertOutcome(responses, N, 200);
    assertMoved("agent.sun", "knowledge-articles", id, before, N, "used");
    Api.as("agent.sun")
        .get("/api/v1/knowledge-articles/" + id)
        .then()
        .body("usageCount", equalTo(N + 1));
  }

  /** A service project of manager.wang for a customer of his, PLANNED. */
  static String serviceProject() {
    return post(
        "manager.wang",
        "/api/v1/service-projects",
        Map.of("name", "并发项目", "customerId", SalesChainTest.customer("manager.wang")));
  }

  static void projectAct(String id, String action) {
    Api.as("manager.wang")
        .post("/api/v1/service-projects/" + id + "/" + action)
        .then()
        .statusCode(200);
  }

  @Test
  @Covers("service-projects/start")
  void serviceProjectStart() throws Exception {
    exactlyOnce("manager.wang", "service-projects", serviceProject(), "start", null, "started");
  }

  @Test
  @Covers("service-projects/hold")
  void serviceProjectHold() throws Exception {
    String id = serviceProject();
    projectAct(id, "start");
    exactlyOnce("manager.wang", "service-projects", id, "hold", null, "held");
  }

  @Test
  @Covers("service-projects/resume")
  void serviceProjectResume() throws Exception {
    String id = serviceProject();
    projectAct(id, "start");
    projectAct(id, "hold");
    exactlyOnce("manager.wang", "service-projects", id, "resume", null, "resumed");
  }

  @Test
  @Covers("service-projects/complete")
  void serviceProjectComplete() throws Exception {
    String id = serviceProject();
    projectAct(id, "start");
    exactlyOnce("manager.wang", "service-projects", id, "complete", null, "completed");
  }

  @Test
  @Covers("service-projects/cancel")
  void serviceProjectCancel() throws Exception {
    exactlyOnce("manager.wang", "service-projects", serviceProject(), "cancel", null, "cancelled");
  }

  static String projectMilestone(String project) {
    return post(
        "manager.wang",
        "/api/v1/project-milestones",
        Map.of("projectId", project, "name", "并发里程碑"));
  }

  /** Reached once; the project's progress moves once with it. */
  @Test
  @Covers("project-milestones/reach")
  void projectMilestoneReach() throws Exception {
    String project = serviceProject();
    projectAct(project, "start");
    String id = projectMilestone(project);
    projectMilestone(project);
    int before = version("manager.wang", "service-projects", project);
    exactlyOnce("manager.wang", "project-milestones", id, "reach", null, "reached");
    assertMoved("manager.wang", "service-projects", project, before, 1, "milestones-counted");
    Api.as("manager.wang")
        .get("/api/v1/service-projects/" + project)
        .then()
        .body("progress", equalTo(50));
  }

  @Test
  @Covers("project-milestones/reopen")
  void projectMilestoneReopen() throws Exception {
    String project = serviceProject();
    String id = projectMilestone(project);
    Api.as("manager.wang")
        .post("/api/v1/project-milestones/" + id + "/reach")
        .then()
        .statusCode(200);
    exactlyOnce("manager.wang", "project-milestones", id, "reopen", null, "reopened");
  }

  @Test
  @Covers("satisfaction-surveys/answer")
  void surveyAnswer() throws Exception {
    String survey =
        post(
            "admin.li",
            "/api/v1/satisfaction-surveys",
            Map.of("customerId", SalesChainTest.customer("rep.zhang")));
    exactlyOnce(
        "agent.sun", "satisfaction-surveys", survey, "answer", Map.of("score", 4), "answered");
  }

  // --- The public pool (公海): a pool of zhang and chen, administered by wang, retired after ---

  static final String CHEN = "0193a000-0000-7000-8000-0000000000e4";

  interface PoolCase {
    void run(String pool) throws Exception;
  }

  static void withPool(PoolCase body) throws Exception {
    String pool =
        post(
            "admin.li",
            "/api/v1/customer-pools",
            Map.of(
                "name", "并发公海 " + System.nanoTime(),
                "memberEmployeeIds", List.of(ZHANG, CHEN),
                "adminIds", List.of(Api.MANAGER_WANG)));
    try {
      body.run(pool);
    } finally {
      Api.asAdmin()
          .contentType("application/merge-patch+json")
          .body(Map.of("active", false))
          .patch("/api/v1/customer-pools/" + pool)
          .then()
          .statusCode(200);
    }
  }

  static String pooledCustomer(String pool) {
    String id = post("rep.zhang", "/api/v1/customers", Map.of("name", "并发公海客户"));
    Api.as("rep.zhang")
        .body(Map.of("reason", "并发测试", "poolId", pool))
        .post("/api/v1/customers/" + id + "/put-back")
        .then()
        .statusCode(200);
    return id;
  }

  @Test
  @Covers("customers/put-back")
  void customerPutBack() throws Exception {
    withPool(
        pool ->
            exactlyOnce(
                "rep.zhang",
                "customers",
                post("rep.zhang", "/api/v1/customers", Map.of("name", "并发放入公海")),
                "put-back",
                Map.of("reason", "并发", "poolId", pool),
                "put-back"));
  }

  @Test
  @Covers("customers/claim")
  void customerClaim() throws Exception {
    withPool(
        pool ->
            exactlyOnce("rep.chen", "customers", pooledCustomer(pool), "claim", null, "claimed"));
  }

  @Test
  @Covers("customers/assign")
  void customerAssign() throws Exception {
    withPool(
        pool ->
            exactlyOnce(
                "manager.wang",
                "customers",
                pooledCustomer(pool),
                "assign",
                Map.of("ownerId", CHEN),
                "assigned"));
  }

  @Test
  @Covers("customers/lock")
  void customerLock() throws Exception {
    String id = post("rep.zhang", "/api/v1/customers", Map.of("name", "并发锁定"));
    exactlyOnce("rep.zhang", "customers", id, "lock", null, "locked");
  }

  @Test
  @Covers("customers/unlock")
  void customerUnlock() throws Exception {
    String id = post("rep.zhang", "/api/v1/customers", Map.of("name", "并发解锁"));
    act("rep.zhang", "customers", id, "lock");
    exactlyOnce("rep.zhang", "customers", id, "unlock", null, "unlocked");
  }

  @Test
  @Covers("payments/submit")
  void paymentSubmit() throws Exception {
    String contract = approvedContract(10000);
    String payment = draftPayment(contract, 1000);
    exactlyOnce("rep.zhang", "payments", payment, "submit", null, "approved");
    Api.as("rep.zhang")
        .get("/api/v1/contracts/" + contract)
        .then()
        .body("receivedAmount", equalTo(1000.00f));
  }

  @Test
  @Covers("payments/void")
  void paymentVoid() throws Exception {
    String contract = approvedContract(10000);
    String payment = draftPayment(contract, 1000);
    act("rep.zhang", "payments", payment, "submit");
    exactlyOnce("rep.zhang", "payments", payment, "void", null, "voided");
    // What it added to the contract went back once, not six times.
    Api.as("rep.zhang")
        .get("/api/v1/contracts/" + contract)
        .then()
        .body("receivedAmount", equalTo(0.00f));
  }

  @Test
  @Covers("payment-plans/void")
  void planVoid() throws Exception {
    String contract = approvedContract(10000);
    String plan =
        post(
            "rep.zhang",
            "/api/v1/payment-plans",
            Map.of(
                "contractId", contract, "dueDate", TODAY.plusDays(30).toString(), "amount", 1000));
    exactlyOnce("rep.zhang", "payment-plans", plan, "void", null, "voided");
  }

  /** One conversion: one customer and one contact made, however many asked. */
  @Test
  @Covers("leads/convert")
  void leadConvert() throws Exception {
    String company = "并发转化" + UUID.randomUUID().toString().substring(0, 8);
    String lead = post("rep.zhang", "/api/v1/leads", Map.of("name", "韩梅梅", "company", company));
    exactlyOnce("rep.zhang", "leads", lead, "convert", Map.of(), "converted");
    assertEquals(
        1, count("SELECT count(*) FROM customers WHERE name = ? AND deleted_at IS NULL", company));
  }

  /** Commissions: made by a rule on an approved contract, approved then paid by the manager. */
  @Test
  @Covers({"commissions/approve", "commissions/pay"})
  void commissionApproveAndPay() throws Exception {
    String rule =
        post(
            "manager.wang",
            "/api/v1/commission-rules",
            Map.of("name", "并发提成", "basis", "CONTRACT_AMOUNT", "employeeId", ZHANG, "rate", 0.05));
    try {
      YearMonth far =
          YearMonth.of(2900 + (int) (Math.random() * 90), 1 + (int) (Math.random() * 12));
      String contract =
          post(
              "rep.zhang",
              "/api/v1/contracts",
              Map.of(
                  "name",
                  "并发佣金合同",
                  "customerId",
                  SalesChainTest.customer("rep.zhang"),
                  "amount",
                  10000,
                  "signingDate",
                  far.atDay(10).toString()));
      act("rep.zhang", "contracts", contract, "submit");
      String commission =
          Api.as("manager.wang")
              .get("/api/v1/commissions?filter=sourceId==" + contract)
              .then()
              .statusCode(200)
              .body("data.size()", equalTo(1))
              .extract()
              .path("data[0].id");
      exactlyOnce("manager.wang", "commissions", commission, "approve", null, "approved");
      exactlyOnce("manager.wang", "commissions", commission, "pay", null, "paid");
    } finally {
      Api.as("manager.wang").delete("/api/v1/commission-rules/" + rule).then().statusCode(204);
    }
  }

  // --- Customers: copy and merge ---------------------------------------------------------------

  /** Copy is not a state action: N calls, N copies with N numbers, the source unchanged. */
  @Test
  @Covers("customers/copy")
  void customerCopy() throws Exception {
    String source = SalesChainTest.customer("rep.zhang");
    int before = version("rep.zhang", "customers", source);
    String name = "并发复制" + UUID.randomUUID().toString().substring(0, 8);
    List<Response> responses =
        Api.inParallel(
            N,
            i ->
                Api.as("rep.zhang")
                    .body(Map.of("name", name))
                    .post("/api/v1/customers/" + source + "/copy"));
    List<Response> copies = assertOutcome(responses, N, 201);
    assertEquals(N, copies.stream().map(r -> r.jsonPath().getString("id")).distinct().count());
    assertEquals(N, copies.stream().map(r -> r.jsonPath().getString("number")).distinct().count());
    assertEquals(N, count("SELECT count(*) FROM customers WHERE name = ?", name));
    assertMoved("rep.zhang", "customers", source, before, 0, "updated");
  }

  /** Merging the same pair six times at once: one merge, the duplicate merged once. */
  @Test
  @Covers("customers/merge")
  void customerMerge() throws Exception {
    String survivor = SalesChainTest.customer("rep.zhang");
    String duplicate = SalesChainTest.customer("rep.zhang");
    int before = version("rep.zhang", "customers", survivor);
    List<Response> responses =
        Api.inParallel(
            N,
            i ->
                Api.as("rep.zhang")
                    .redirects()
                    .follow(false)
                    .body(Map.of("mergeIds", List.of(duplicate)))
                    .post("/api/v1/customers/" + survivor + "/merge"));
    assertOutcome(responses, 1, 200);
    assertMoved("rep.zhang", "customers", survivor, before, 1, "merged");
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM history_entries WHERE resource_id = ? AND action = 'merged'",
            UUID.fromString(duplicate)));
  }

  // --- Team, transfer, restore: every collection that has them ---------------------------------

  /** Six different employees added at once: six members, six versions, none lost. */
  @ParameterizedTest
  @MethodSource("teamCollections")
  void teamMembersAddedAtOnceAreAllKept(String collection) throws Exception {
    String id = fresh(collection);
    int before = version("admin.li", collection, id);
    List<String> others = OTHERS;
    List<Response> responses =
        Api.inParallel(
            N,
            i ->
                Api.asAdmin()
                    .body(Map.of("employeeId", others.get(i)))
                    .post("/api/v1/" + collection + "/" + id + "/team"));
    List<Integer> statuses = statuses(responses);
    assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201), statuses + bodies(responses));
    assertMoved("admin.li", collection, id, before, N, "team-member-added");
    Api.asAdmin()
        .get("/api/v1/" + collection + "/" + id + "/team")
        .then()
        .body("size()", equalTo(N));
  }

  /**
   * Six transfers to six owners at once: all are acknowledged, each is a version and an entry, and
   * the record ends with the owner of the last one.
   */
  @ParameterizedTest
  @MethodSource("transferCollections")
  void transfersAtOnceAreSerialized(String collection) throws Exception {
    String id = fresh(collection);
    int before = version("admin.li", collection, id);
    List<Response> responses =
        Api.inParallel(
            N,
            i ->
                Api.asAdmin()
                    .body(Map.of("ownerId", OTHERS.get(i)))
                    .post("/api/v1/" + collection + "/" + id + "/transfer"));
    assertOutcome(responses, N, 200);
    assertMoved("admin.li", collection, id, before, N, "transferred");
    Response last =
        responses.stream()
            .filter(r -> r.jsonPath().getInt("version") == before + N)
            .findFirst()
            .orElseThrow();
    Api.asAdmin()
        .get("/api/v1/" + collection + "/" + id)
        .then()
        .body("ownerId", equalTo(last.jsonPath().getString("ownerId")));
  }

  /** Sharing with or transferring to the same employee six times is one change (idempotent). */
  @Test
  void theSameShareOrTransferSixTimesIsOneChange() throws Exception {
    String id = SalesChainTest.customer("rep.zhang");
    int before = version("admin.li", "customers", id);
    List<Response> shared =
        Api.inParallel(
            N,
            i ->
                Api.asAdmin()
                    .body(Map.of("employeeId", OTHERS.get(0)))
                    .post("/api/v1/customers/" + id + "/team"));
    assertTrue(statuses(shared).stream().allMatch(s -> s == 200 || s == 201), bodies(shared));
    assertMoved("admin.li", "customers", id, before, 1, "team-member-added");
    List<Response> moved =
        Api.inParallel(
            N,
            i ->
                Api.asAdmin()
                    .body(Map.of("ownerId", OTHERS.get(1)))
                    .post("/api/v1/customers/" + id + "/transfer"));
    assertOutcome(moved, N, 200);
    assertMoved("admin.li", "customers", id, before + 1, 1, "transferred");
    moved.forEach(r -> assertEquals(before + 2, r.jsonPath().getInt("version")));
  }

  /** Restoring a deleted record six times at once: one 200, five 409, restored once. */
  @ParameterizedTest
  @MethodSource("restoreCollections")
  void restoreAtOnceRestoresOnce(String collection) throws Exception {
    String id = fresh(collection);
    Api.asAdmin().delete("/api/v1/" + collection + "/" + id).then().statusCode(204);
    try {
      int deleted =
          Api.asAdmin()
              .get("/api/v1/" + collection + "/" + id + "/history?includeDeleted=true")
              .then()
              .statusCode(200)
              .extract()
              .path("data[0].version");
      List<Response> responses =
          Api.inParallel(
              N, i -> Api.asAdmin().post("/api/v1/" + collection + "/" + id + "/restore"));
      assertOutcome(responses, 1, 200);
      assertMoved("admin.li", collection, id, deleted, 1, "restored");
    } finally {
      // Approval flows and commission rules act on everyone's records while live.
      Api.asAdmin().delete("/api/v1/" + collection + "/" + id);
    }
  }

  // --- Approvals -------------------------------------------------------------------------------

  /** A quote of rep.zhang in approval (a discount above the threshold); its approval's id. */
  static Map<String, String> quoteInApproval() {
    String quote = post("rep.zhang", "/api/v1/quotes", quoteBody(35));
    Api.as("rep.zhang")
        .post("/api/v1/quotes/" + quote + "/submit")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_APPROVAL"));
    String approval =
        Api.as("rep.zhang")
            .get("/api/v1/approvals?resource=quote&recordId=" + quote)
            .then()
            .statusCode(200)
            .extract()
            .path("data[0].id");
    return Map.of("quote", quote, "approval", approval);
  }

  /** An active approval flow for quotes: one made here (its id), or null when one is active. */
  static String quoteFlow() {
    List<Object> active =
        Api.asAdmin()
            .get("/api/v1/approval-flows?filter=resource==quote;active==true")
            .then()
            .statusCode(200)
            .extract()
            .path("data");
    if (!active.isEmpty()) {
      return null;
    }
    return post(
        "admin.li",
        "/api/v1/approval-flows",
        Map.of(
            "resource", "quote", "name", "并发报价审批", "steps", List.of(Map.of("kind", "SUPERVISOR"))));
  }

  void decidedOnce(String user, String decision, String quoteAction, String quoteStatus)
      throws Exception {
    Map<String, String> q = quoteInApproval();
    String quote = q.get("quote");
    String approval = q.get("approval");
    int quoteBefore = version("rep.zhang", "quotes", quote);
    int approvalBefore = version(user, "approvals", approval);
    List<Response> responses =
        Api.inParallel(
            N,
            i ->
                Api.as(user)
                    .body(Map.of("comment", "并发 " + i))
                    .post("/api/v1/approvals/" + approval + "/" + decision));
    assertOutcome(responses, 1, 200);
    assertEquals(approvalBefore + 1, version(user, "approvals", approval));
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM history_entries WHERE resource_id = ? AND version > ?",
            UUID.fromString(approval),
            (long) approvalBefore));
    assertEquals(1, events(approval, quoteAction, approvalBefore), "approval events");
    // The record itself moved once.
    assertMoved("rep.zhang", "quotes", quote, quoteBefore, 1, quoteAction);
    Api.as("rep.zhang").get("/api/v1/quotes/" + quote).then().body("status", equalTo(quoteStatus));
  }

  @Test
  @Covers({"approvals/approve", "approvals/reject", "approvals/withdraw"})
  void approvalDecisions() throws Exception {
    String flow = quoteFlow();
    try {
      decidedOnce("manager.wang", "approve", "approved", "APPROVED");
      decidedOnce("manager.wang", "reject", "rejected", "REJECTED");
      decidedOnce("rep.zhang", "withdraw", "withdrawn", "DRAFT");

      // Approve, reject and withdraw at once: exactly one decision, the quote moved once.
      Map<String, String> q = quoteInApproval();
      int quoteBefore = version("rep.zhang", "quotes", q.get("quote"));
      List<Response> responses =
          Api.inParallel(
              N,
              i -> {
                String decision = List.of("approve", "reject", "withdraw").get(i % 3);
                return Api.as(decision.equals("withdraw") ? "rep.zhang" : "manager.wang")
                    .body(Map.of())
                    .post("/api/v1/approvals/" + q.get("approval") + "/" + decision);
              });
      assertOutcome(responses, 1, 200);
      assertEquals(quoteBefore + 1, version("rep.zhang", "quotes", q.get("quote")));
    } finally {
      if (flow != null) {
        Api.asAdmin().body(Map.of("active", false)).patch("/api/v1/approval-flows/" + flow);
      }
    }
  }

  // --- Webhooks --------------------------------------------------------------------------------

  @Inject dev.headlesscrm.platform.webhooks.WebhookDispatcher webhookDispatcher;
  @Inject dev.headlesscrm.platform.events.EventPublisher eventPublisher;

  static String webhook() {
    return post(
        "admin.li",
        "/api/v1/webhooks",
        Map.of("url", "https://erp.example.com/hooks", "eventTypes", List.of("customer.*")));
  }

  /** Six rotations at once: each one a version, none lost (the secrets form one chain). */
  @Test
  @Covers("webhooks/rotate-secret")
  void webhookRotateSecret() throws Exception {
    String id = webhook();
    String original =
        Api.asAdmin().get("/api/v1/webhooks/" + id + "/secret").then().extract().path("secret");
    int before = version("admin.li", "webhooks", id);
    List<Response> responses =
        Api.inParallel(
            N,
            i ->
                Api.asAdmin()
                    .body(Map.of("overlapHours", 1))
                    .post("/api/v1/webhooks/" + id + "/rotate-secret"));
    assertOutcome(responses, N, 200);
    assertMoved("admin.li", "webhooks", id, before, N, "secret-rotated");
    Set<String> fresh = new HashSet<>();
    Set<String> replaced = new HashSet<>();
    for (Response r : responses) {
      fresh.add(r.jsonPath().getString("secret"));
      replaced.add(r.jsonPath().getString("previousSecret"));
    }
    assertEquals(N, fresh.size());
    String current =
        Api.asAdmin().get("/api/v1/webhooks/" + id + "/secret").then().extract().path("secret");
    assertTrue(fresh.contains(current));
    Set<String> chain = new HashSet<>(replaced);
    chain.add(current);
    Set<String> all = new HashSet<>(fresh);
    all.add(original);
    assertEquals(all, chain, "each rotation replaced the secret the one before it set");
    Api.asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
  }

  /** Redeliveries and replays queue work and change nothing on the subscription: none is lost. */
  @Test
  @Covers({"webhooks/redeliver", "webhooks/replay"})
  void webhookRedeliverAndReplay() throws Exception {
    String id = webhook();
    String customer = SalesChainTest.customer("rep.zhang");
    eventPublisher.publishPending();
    String event;
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT id FROM events WHERE resource_id = ? AND type = 'customer.created'")) {
      q.setObject(1, UUID.fromString(customer));
      try (ResultSet r = q.executeQuery()) {
        r.next();
        event = r.getString(1);
      }
    }
    int before = version("admin.li", "webhooks", id);
    String from = java.time.Instant.now().minusSeconds(60).toString();
    String to = java.time.Instant.now().plusSeconds(1).toString();
    List<Response> responses =
        Api.inParallel(
            2 * N,
            i ->
                Api.asAdmin()
                    .body(i % 2 == 0 ? Map.of("eventId", event) : Map.of("from", from, "to", to))
                    .post("/api/v1/webhooks/" + id + (i % 2 == 0 ? "/redeliver" : "/replay")));
    assertOutcome(responses, 2 * N, 202);
    assertEquals(before, version("admin.li", "webhooks", id), "the subscription is not changed");
    webhookDispatcher.replay();
    assertEquals(
        2L * N,
        count(
            "SELECT count(*) FROM webhook_replays WHERE subscription_id = ? AND status = 'DONE'",
            UUID.fromString(id)));
    assertEquals(
        (long) N,
        count(
            "SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ? AND event_id = ?"
                + " AND reason = 'REDELIVERY'",
            UUID.fromString(id),
            UUID.fromString(event)));
    assertTrue(
        count(
                "SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ? AND event_id = ?"
                    + " AND reason = 'REPLAY'",
                UUID.fromString(id),
                UUID.fromString(event))
            == N,
        "each replay queued the event once");
    Api.asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
  }

  /** An import job with its file uploaded, waiting to be started. */
  static String uploadedImport(String user) {
    String id =
        Api.as(user)
            .body(Map.of("resource", "customer", "format", "CSV"))
            .post("/api/v1/imports")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as(user)
        .contentType("text/csv")
        .body("name\n并发导入客户\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .put("/api/v1/imports/" + id + "/parts/1")
        .then()
        .statusCode(200);
    return id;
  }

  /** Of N concurrent starts one queues the job (202); the others find it queued (409). */
  @Test
  @Covers("imports/start")
  void importStart() throws Exception {
    String id = uploadedImport("rep.zhang");
    int before = version("rep.zhang", "imports", id);
    List<Response> responses =
        Api.inParallel(N, i -> Api.as("rep.zhang").post("/api/v1/imports/" + id + "/start"));
    assertOutcome(responses, 1, 202);
    assertMoved("rep.zhang", "imports", id, before, 1, "started");
    exactlyOnce("rep.zhang", "imports", id, "cancel", null, "cancelled");
  }

  /** Of N concurrent cancels one wins, before the job starts as well. */
  @Test
  @Covers("imports/cancel")
  void importCancel() throws Exception {
    exactlyOnce("rep.zhang", "imports", uploadedImport("rep.zhang"), "cancel", null, "cancelled");
  }
}
