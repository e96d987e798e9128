package dev.headlesscrm.sales;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every domain action goes through the record's version: concurrent actions on one record are
 * serialized (exactly the allowed number succeed, the rest are 409 and change nothing), each
 * success moves the version once, a repeated state action is a 409 naming the state, If-Match is
 * honoured, and children check their parent's state under its lock.
 */
@QuarkusTest
class ActionConcurrencyTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  /** The statuses of n copies of the call, started together. */
  static List<Integer> inParallel(int n, Supplier<Response> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<Integer> task =
            () -> {
              start.await();
              return call.get().statusCode();
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  static long count(List<Integer> statuses, int status) {
    return statuses.stream().filter(s -> s == status).count();
  }

  /** A confirmed order with one line of 15 units, owned by rep.zhang. */
  private static Map<String, String> confirmedOrder() {
    String customer = SalesChainTest.customer("rep.zhang");
    String contract =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "name",
                    "并发发货合同",
                    "customerId",
                    customer,
                    "lines",
                    List.of(Map.of("description", "机柜", "quantity", 15, "unitPrice", 1000))))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit").then().statusCode(200);
    io.restassured.path.json.JsonPath order =
        Api.as("rep.zhang")
            .post("/api/v1/sales-orders/from-contract/" + contract)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String id = order.getString("id");
    Api.as("rep.zhang")
        .post("/api/v1/sales-orders/" + id + "/confirm")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONFIRMED"));
    return Map.of("id", id, "line", order.getString("lines[0].id"), "contract", contract);
  }

  @Test
  void concurrentDeliveriesNeverLoseUnitsAndEachMovesTheVersion() throws Exception {
    Map<String, String> order = confirmedOrder();
    String id = order.get("id");
    int before =
        Api.as("rep.zhang").get("/api/v1/sales-orders/" + id).then().extract().path("version");

    // Four deliveries of 5 units on a line with 15 open: three fit, the fourth finds the order
    // delivered. Before the lock, all four answered 200 and only 5 to 10 units were recorded.
    List<Integer> statuses =
        inParallel(
            4,
            () ->
                Api.as("rep.zhang")
                    .body(
                        Map.of(
                            "lines", List.of(Map.of("lineId", order.get("line"), "quantity", 5))))
                    .post("/api/v1/sales-orders/" + id + "/deliver"));
    assertEquals(3, count(statuses, 200), "deliveries acknowledged: " + statuses);
    assertEquals(1, count(statuses, 409), "deliveries refused: " + statuses);

    Api.as("rep.zhang")
        .get("/api/v1/sales-orders/" + id)
        .then()
        .body("lines[0].deliveredQuantity", equalTo(15))
        .body("status", equalTo("DELIVERED"))
        .body("version", equalTo(before + 3));
    List<Integer> versions =
        Api.as("rep.zhang")
            .get("/api/v1/sales-orders/" + id + "/history")
            .then()
            .extract()
            .path("data.findAll { it.action == 'delivered' }.version");
    assertEquals(List.of(before + 3, before + 2, before + 1), versions);
  }

  @Test
  void aDeliveryOfLinesOnlyMovesTheOrdersVersionAndHonoursIfMatch() {
    Map<String, String> order = confirmedOrder();
    String id = order.get("id");
    int version =
        Api.as("rep.zhang").get("/api/v1/sales-orders/" + id).then().extract().path("version");
    Map<String, Object> two =
        Map.of("lines", List.of(Map.of("lineId", order.get("line"), "quantity", 2)));

    Api.as("rep.zhang")
        .header("If-Match", "W/\"" + (version - 1) + "\"")
        .body(two)
        .post("/api/v1/sales-orders/" + id + "/deliver")
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    Api.as("rep.zhang")
        .get("/api/v1/sales-orders/" + id)
        .then()
        .body("version", equalTo(version))
        .body("lines[0].deliveredQuantity", equalTo(0));

    // Still PARTIALLY_DELIVERED after the second: only the line changed, the version moves anyway.
    for (int i = 1; i <= 2; i++) {
      Api.as("rep.zhang")
          .header("If-Match", "W/\"" + (version + i - 1) + "\"")
          .body(two)
          .post("/api/v1/sales-orders/" + id + "/deliver")
          .then()
          .statusCode(200)
          .header("ETag", "W/\"" + (version + i) + "\"")
          .body("version", equalTo(version + i))
          .body("status", equalTo("PARTIALLY_DELIVERED"));
    }
  }

  @Test
  void aRepeatedStateActionIsAConflictNamingTheStateAndWritesNothing() throws Exception {
    Map<String, String> order = confirmedOrder();
    String id = order.get("id");
    int version =
        Api.as("rep.zhang").get("/api/v1/sales-orders/" + id).then().extract().path("version");
    Api.as("rep.zhang")
        .post("/api/v1/sales-orders/" + id + "/confirm")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("state", equalTo("CONFIRMED"));
    Api.as("rep.zhang").get("/api/v1/sales-orders/" + id).then().body("version", equalTo(version));
    Api.as("rep.zhang")
        .get("/api/v1/sales-orders/" + id + "/history")
        .then()
        .body("data.findAll { it.action == 'confirmed' }.size()", equalTo(1));

    // The contract behind it is approved: submitting it again, even five times at once, is 409.
    String contract = order.get("contract");
    List<Integer> statuses =
        inParallel(5, () -> Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit"));
    assertEquals(5, count(statuses, 409), "repeated submits: " + statuses);
    Api.as("rep.zhang")
        .get("/api/v1/contracts/" + contract + "/history")
        .then()
        .body("data.findAll { it.action == 'approved' }.size()", equalTo(1));
  }

  @Test
  void ofConcurrentSubmitsOfADraftExactlyOneWins() throws Exception {
    String customer = SalesChainTest.customer("rep.zhang");
    String contract =
        Api.as("rep.zhang")
            .body(Map.of("name", "并发提交", "customerId", customer, "amount", 5000))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    List<Integer> statuses =
        inParallel(6, () -> Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit"));
    assertEquals(1, count(statuses, 200), "submits: " + statuses);
    assertEquals(5, count(statuses, 409), "submits: " + statuses);
    Api.as("rep.zhang")
        .get("/api/v1/contracts/" + contract + "/history")
        .then()
        .body("data.action", equalTo(List.of("approved", "created")));
  }

  @Test
  void noPeriodIsPlannedOnAVoidContract() {
    String customer = SalesChainTest.customer("rep.zhang");
    String contract = SalesChainTest.approvedContract("rep.zhang", customer, 8000);
    Api.as("rep.zhang")
        .post("/api/v1/contracts/" + contract + "/void")
        .then()
        .statusCode(200)
        .body("status", equalTo("VOID"));
    Api.as("rep.zhang")
        .post("/api/v1/contracts/" + contract + "/void")
        .then()
        .statusCode(409)
        .body("state", equalTo("VOID"));
    Api.as("rep.zhang")
        .body(
            Map.of(
                "contractId", contract, "dueDate", TODAY.plusDays(30).toString(), "amount", 1000))
        .post("/api/v1/payment-plans")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    Api.as("rep.zhang")
        .get("/api/v1/payment-plans?filter=contractId==" + contract + "&count=true")
        .then()
        .body("page.total", equalTo(0));
  }

  @Test
  void sharingARecordMovesItsVersion() {
    String customer = SalesChainTest.customer("rep.zhang");
    int version =
        Api.as("rep.zhang").get("/api/v1/customers/" + customer).then().extract().path("version");
    String chen =
        Api.asAdmin()
            .get("/api/v1/employees?filter=username==rep.chen")
            .then()
            .extract()
            .path("data[0].id");
    Api.as("rep.zhang")
        .header("If-Match", "W/\"" + (version + 5) + "\"")
        .body(Map.of("employeeId", chen))
        .post("/api/v1/customers/" + customer + "/team")
        .then()
        .statusCode(412);
    Api.as("rep.zhang")
        .header("If-Match", "W/\"" + version + "\"")
        .body(Map.of("employeeId", chen))
        .post("/api/v1/customers/" + customer + "/team")
        .then()
        .statusCode(org.hamcrest.Matchers.either(equalTo(200)).or(equalTo(201)));
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + customer)
        .then()
        .body("version", equalTo(version + 1));
  }
}
