package dev.headlesscrm.sales.performance;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.headlesscrm.sales.SalesChainTest;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sales targets (业绩目标) per employee and department, and their progress this month: what the test
 * sells, collects and wins moves the actuals by exactly that much (other tests' sales of the same
 * rep in the month are there too, so the test compares before and after); each sees the targets
 * their data scope covers.
 */
@QuarkusTest
public class SalesTargetTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final String MONTH = YearMonth.from(TODAY).toString();
  static final String YEAR = String.valueOf(TODAY.getYear());

  private final List<String> targets = new ArrayList<>();

  String target(String user, Map<String, Object> body) {
    String id =
        Api.as(user)
            .body(body)
            .post("/api/v1/sales-targets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    targets.add(id);
    return id;
  }

  @AfterEach
  void removeTargets() {
    targets.forEach(
        id -> Api.asAdmin().delete("/api/v1/sales-targets/" + id).then().statusCode(204));
    targets.clear();
  }

  static Map<String, Object> of(String subject, String id, String period, String metric, Object t) {
    Map<String, Object> body = new HashMap<>();
    body.put(subject, id);
    body.put("period", period);
    body.put("metric", metric);
    body.put("target", t);
    return body;
  }

  /** The caller's progress rows of a period by target id. */
  /** Money read as BigDecimal: sums beyond seven digits lose cents as floats. */
  public static final io.restassured.path.json.config.JsonPathConfig BIG_DECIMALS =
      io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
          .numberReturnType(
              io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL);

  static Map<String, Map<String, Object>> progress(String user, String period) {
    List<Map<String, Object>> rows =
        Api.as(user)
            .get("/api/v1/sales-targets/progress?limit=500&period=" + period)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath(BIG_DECIMALS)
            .getList("data");
    Map<String, Map<String, Object>> byId = new HashMap<>();
    rows.forEach(r -> byId.put((String) r.get("id"), r));
    return byId;
  }

  static BigDecimal actual(Map<String, Map<String, Object>> rows, String target) {
    return new BigDecimal(String.valueOf(rows.get(target).get("actual")));
  }

  static void same(Object expected, BigDecimal actual) {
    BigDecimal want = new BigDecimal(String.valueOf(expected));
    assertEquals(0, want.compareTo(actual), "expected " + want + " but was " + actual);
  }

  @Test
  void progressFollowsWhatWasSoldCollectedAndWon() {
    String contracts =
        target("manager.wang", of("employeeId", ZHANG, MONTH, "CONTRACT_AMOUNT", 1000000));
    String payments =
        target("manager.wang", of("employeeId", ZHANG, MONTH, "PAYMENTS_RECEIVED", 500000));
    String customers = target("manager.wang", of("employeeId", ZHANG, MONTH, "NEW_CUSTOMERS", 40));
    String yearly = target("manager.wang", of("employeeId", ZHANG, YEAR, "CONTRACT_AMOUNT", 0));
    String department =
        target(
            "manager.wang", of("departmentId", Api.SALES_EAST, MONTH, "CONTRACT_AMOUNT", 3000000));
    Api.as("rep.zhang")
        .get("/api/v1/sales-targets/" + yearly)
        .then()
        .statusCode(200)
        .body("periodKind", equalTo("YEAR"))
        .body("target", equalTo(0.00f));

    Map<String, Map<String, Object>> before = progress("rep.zhang", MONTH);
    Map<String, Map<String, Object>> departmentBefore = progress("manager.wang", MONTH);
    BigDecimal yearBefore = actual(progress("rep.zhang", YEAR), yearly);

    // A new customer, a contract without signing date (it counts on the day it is approved), and
    // an approved payment; a draft contract and a voided payment count for nothing.
    String customer = SalesChainTest.customer("rep.zhang");
    String contract =
        Api.as("rep.zhang")
            .body(Map.of("name", "目标合同", "customerId", customer, "amount", 8765.43))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .post("/api/v1/contracts/" + contract + "/submit")
        .then()
        .body("status", equalTo("APPROVED"));
    Api.as("rep.zhang")
        .body(Map.of("name", "草稿合同", "customerId", customer, "amount", 999))
        .post("/api/v1/contracts")
        .then()
        .statusCode(201);
    String paid = CommissionTest.payment(contract, 1234.5, TODAY);
    String undone = CommissionTest.payment(contract, 100, TODAY);
    Api.as("rep.zhang").post("/api/v1/payments/" + undone + "/void").then().statusCode(200);
    Api.as("rep.zhang").get("/api/v1/payments/" + paid).then().body("status", equalTo("APPROVED"));

    Map<String, Map<String, Object>> after = progress("rep.zhang", MONTH);
    same("8765.43", actual(after, contracts).subtract(actual(before, contracts)));
    same("1234.50", actual(after, payments).subtract(actual(before, payments)));
    same("1", actual(after, customers).subtract(actual(before, customers)));
    same(
        actual(after, contracts).divide(new BigDecimal("1000000"), 4, RoundingMode.HALF_UP),
        new BigDecimal(String.valueOf(after.get(contracts).get("attainment"))));
    assertEquals("CONTRACT_AMOUNT", after.get(contracts).get("metric"));
    assertEquals(ZHANG, after.get(contracts).get("employeeId"));

    // A yearly target counts the month too; a target of 0 has no attainment.
    Map<String, Map<String, Object>> year = progress("rep.zhang", YEAR);
    same("8765.43", actual(year, yearly).subtract(yearBefore));
    assertNull(year.get(yearly).get("attainment"));

    // The department's target counts what is owned within it; its manager sees it.
    Map<String, Map<String, Object>> departmentAfter = progress("manager.wang", MONTH);
    same(
        "8765.43",
        actual(departmentAfter, department).subtract(actual(departmentBefore, department)));
    Api.as("analyst.liu")
        .get(
            "/api/v1/sales-targets/progress?limit=500&period="
                + MONTH
                + "&departmentId="
                + Api.SALES_EAST)
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(department)));

    // Filters: one metric of one employee.
    Api.as("manager.wang")
        .get(
            "/api/v1/sales-targets/progress?period="
                + MONTH
                + "&metric=NEW_CUSTOMERS&employeeId="
                + ZHANG)
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(customers)));

    // GraphQL: the same figures.
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "query($p: String!) { salesTargetProgress(period: $p, metric: \"PAYMENTS_RECEIVED\","
                    + " first: 500) { edges { node { id target actual attainment } } } }",
                "variables",
                Map.of("p", MONTH)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.salesTargetProgress.edges.node.id", equalTo(List.of(payments)));
  }

  @Test
  void eachSeesTheTargetsTheirScopeCoversAndOnlyManagersSetThem() {
    String zhangs = target("manager.wang", of("employeeId", ZHANG, MONTH, "NEW_CUSTOMERS", 12));
    String east =
        target("manager.wang", of("departmentId", Api.SALES_EAST, MONTH, "NEW_CUSTOMERS", 50));

    // rep.chen sees neither; rep.zhang sees his own, not the department's.
    Api.as("rep.chen").get("/api/v1/sales-targets/" + zhangs).then().statusCode(404);
    Api.as("rep.chen").get("/api/v1/sales-targets/" + east).then().statusCode(404);
    Map<String, Map<String, Object>> chens = progress("rep.chen", MONTH);
    assertEquals(false, chens.containsKey(zhangs));
    assertEquals(false, chens.containsKey(east));
    Api.as("rep.zhang").get("/api/v1/sales-targets/" + zhangs).then().statusCode(200);
    Api.as("rep.zhang").get("/api/v1/sales-targets/" + east).then().statusCode(404);
    Api.as("rep.zhang")
        .get("/api/v1/sales-targets?limit=500&filter=period==" + MONTH)
        .then()
        .body("data.id", hasItem(zhangs))
        .body("data.id", not(hasItem(east)));
    Api.as("manager.wang")
        .get("/api/v1/sales-targets?limit=500&filter=period==" + MONTH)
        .then()
        .body("data.id", hasItem(zhangs))
        .body("data.id", hasItem(east));

    // Only managers set targets, and only for those they see.
    Api.as("rep.zhang")
        .body(of("employeeId", ZHANG, MONTH, "PAYMENTS_RECEIVED", 1))
        .post("/api/v1/sales-targets")
        .then()
        .statusCode(403);
    Api.as("manager.wang")
        .body(of("departmentId", Api.SALES_NORTH, MONTH, "NEW_CUSTOMERS", 5))
        .post("/api/v1/sales-targets")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("out-of-scope"));
    Api.as("manager.wang")
        .body(Map.of("target", 15))
        .patch("/api/v1/sales-targets/" + east)
        .then()
        .statusCode(200)
        .body("target", equalTo(15));

    // One target per subject, period and metric; well-formed periods; one subject.
    Api.as("manager.wang")
        .body(of("employeeId", ZHANG, MONTH, "NEW_CUSTOMERS", 99))
        .post("/api/v1/sales-targets")
        .then()
        .statusCode(409);
    Map<String, Object> both = of("employeeId", ZHANG, MONTH, "CONTRACT_AMOUNT", 1);
    both.put("departmentId", Api.SALES_EAST);
    Api.as("manager.wang")
        .body(both)
        .post("/api/v1/sales-targets")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("one-subject"));
    Api.as("manager.wang")
        .body(of("employeeId", ZHANG, "2026-Q5", "CONTRACT_AMOUNT", 1))
        .post("/api/v1/sales-targets")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("period"));
    Map<String, Object> mismatch = of("employeeId", ZHANG, "2026-Q4", "CONTRACT_AMOUNT", 1);
    mismatch.put("periodKind", "MONTH");
    Api.as("manager.wang")
        .body(mismatch)
        .post("/api/v1/sales-targets")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("periodKind"));
    Api.as("manager.wang")
        .body(of("employeeId", ZHANG, "2026-Q4", "NEW_CUSTOMERS", 2.5))
        .post("/api/v1/sales-targets")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("whole"));
    // A query parameter that is not one of its values is a 400 naming it (a body field, a 422).
    Api.as("rep.zhang")
        .get("/api/v1/sales-targets/progress?period=November")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed"))
        .body("errors[0].field", equalTo("period"));
    Api.as("rep.zhang")
        .get("/api/v1/sales-targets/progress?period=2026-11&metric=REVENUE")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/malformed"))
        .body("errors[0].field", equalTo("metric"));
  }
}
