package dev.headlesscrm.sales.performance;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.catalogue.Products;
import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.sales.SalesChainTest;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Commissions (佣金): calculated when contracts and payments are approved, recalculated when a
 * payment is voided (or adjusted when its commission was already approved), tiered, seen only by
 * those they concern, approved and paid by the sales manager.
 *
 * <p>Rules apply to everyone's sales while active, so each test removes its rules at the end, and
 * its contracts and payments fall in a month of the far future that no other test uses: what the
 * month holds is exactly what the test made.
 */
@QuarkusTest
class CommissionTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  private final List<String> rules = new ArrayList<>();

  /** A month of the far future, unique to one test. */
  static YearMonth farMonth() {
    return YearMonth.of(
        2200 + ThreadLocalRandom.current().nextInt(700),
        1 + ThreadLocalRandom.current().nextInt(12));
  }

  String rule(Map<String, Object> body) {
    String id =
        Api.as("manager.wang")
            .body(body)
            .post("/api/v1/commission-rules")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    rules.add(id);
    return id;
  }

  @AfterEach
  void removeRules() {
    for (String id : rules) {
      Api.as("manager.wang").delete("/api/v1/commission-rules/" + id).then().statusCode(204);
    }
    rules.clear();
  }

  static String contract(String customer, Object amount, LocalDate signed) {
    String id =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "name",
                    "佣金合同",
                    "customerId",
                    customer,
                    "amount",
                    amount,
                    "signingDate",
                    signed.toString()))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .post("/api/v1/contracts/" + id + "/submit")
        .then()
        .statusCode(200)
        .body("status", equalTo("APPROVED"));
    return id;
  }

  static String payment(String contract, Object amount, LocalDate paidOn) {
    String id =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "contractId",
                    contract,
                    "paidOn",
                    paidOn.toString(),
                    "amount",
                    amount,
                    "method",
                    "BANK_TRANSFER"))
            .post("/api/v1/payments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .post("/api/v1/payments/" + id + "/submit")
        .then()
        .statusCode(200)
        .body("status", equalTo("APPROVED"));
    return id;
  }

  /** The live commissions of a source, as the user sees them, oldest first. */
  static JsonPath of(String user, String sourceId) {
    return Api.as(user)
        .get("/api/v1/commissions?sort=createdAt&filter=sourceId==" + sourceId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void approvalsEarnCommissionsVoidsTakeThemBackAndOnlyTheTeamSeesThem() {
    long head = events.head();
    YearMonth month = farMonth();
    String zhangsRule =
        rule(
            Map.of(
                "name", "张伟合同提成", "basis", "CONTRACT_AMOUNT", "employeeId", ZHANG, "rate", 0.05));
    String everyonesRule = rule(Map.of("name", "回款提成", "basis", "RECEIVED_PAYMENTS", "rate", 0.02));
    Api.as("rep.chen")
        .get("/api/v1/commission-rules/" + zhangsRule)
        .then()
        .statusCode(200)
        .body("rate", equalTo(0.05f));
    Api.as("rep.zhang")
        .body(Map.of("name", "自定提成", "basis", "CONTRACT_AMOUNT", "rate", 0.5))
        .post("/api/v1/commission-rules")
        .then()
        .statusCode(403);
    Api.as("manager.wang")
        .body(Map.of("name", "过高", "basis", "CONTRACT_AMOUNT", "rate", 1.5))
        .post("/api/v1/commission-rules")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("rate"));

    // The contract is approved: 5 % of 12,345.67 = 617.2835, kept as 617.28.
    String customer = SalesChainTest.customer("rep.zhang");
    String contract = contract(customer, 12345.67, month.atDay(15));
    JsonPath onContract = of("rep.zhang", contract);
    assertEquals(1, onContract.getList("data").size());
    String contractCommission = onContract.getString("data[0].id");
    Api.as("rep.zhang")
        .get("/api/v1/commissions/" + contractCommission)
        .then()
        .statusCode(200)
        .body("period", equalTo(month.toString()))
        .body("basis", equalTo("CONTRACT_AMOUNT"))
        .body("kind", equalTo("COMMISSION"))
        .body("sourceResource", equalTo("contract"))
        .body("contractId", equalTo(contract))
        .body("ruleId", equalTo(zhangsRule))
        .body("basisAmount", equalTo(12345.67f))
        .body("rate", equalTo(0.05f))
        .body("amount", equalTo(617.28f))
        .body("status", equalTo("CALCULATED"))
        .body("ownerId", equalTo(ZHANG));

    // Payments approved: 2 % each.
    String kept = payment(contract, 1000, month.atDay(20));
    String voided = payment(contract, 333.33, month.atDay(21));
    of("rep.zhang", kept).getList("data.amount", Float.class).forEach(a -> assertEquals(20.00f, a));
    JsonPath onVoided = of("rep.zhang", voided);
    assertEquals(List.of(6.67f), onVoided.getList("data.amount", Float.class));
    assertEquals(everyonesRule, onVoided.getString("data[0].ruleId"));
    assertEquals("RECEIVED_PAYMENTS", onVoided.getString("data[0].basis"));
    String voidedCommission = onVoided.getString("data[0].id");

    // Voided while its commission is open: the commission goes.
    Api.as("rep.zhang").post("/api/v1/payments/" + voided + "/void").then().statusCode(200);
    Api.as("rep.zhang")
        .get("/api/v1/commissions?filter=sourceId==" + voided)
        .then()
        .body("data", empty());
    Api.as("rep.zhang").get("/api/v1/commissions/" + voidedCommission).then().statusCode(404);

    // Only those they concern see them: not a colleague, not marketing.
    Api.as("rep.chen").get("/api/v1/commissions/" + contractCommission).then().statusCode(404);
    Api.as("rep.chen")
        .get("/api/v1/commissions?filter=contractId==" + contract)
        .then()
        .statusCode(200)
        .body("data", empty());
    Api.as("marketing.zhao").get("/api/v1/commissions").then().statusCode(403);
    Api.as("manager.wang")
        .get("/api/v1/commissions?filter=contractId==" + contract)
        .then()
        .body("data", hasSize(2));
    // Calculated, never written.
    Api.asAdmin()
        .body(Map.of("amount", 1))
        .patch("/api/v1/commissions/" + contractCommission)
        .then()
        .statusCode(405);

    // The manager approves and pays; the rep may not, and nothing skips a step.
    Api.as("rep.zhang")
        .post("/api/v1/commissions/" + contractCommission + "/approve")
        .then()
        .statusCode(403);
    Api.as("manager.wang")
        .post("/api/v1/commissions/" + contractCommission + "/pay")
        .then()
        .statusCode(409)
        .body("from", equalTo("CALCULATED"));
    Api.as("manager.wang")
        .post("/api/v1/commissions/" + contractCommission + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("APPROVED"))
        .body("approvedBy", equalTo(Api.MANAGER_WANG));
    Api.as("manager.wang")
        .post("/api/v1/commissions/" + contractCommission + "/pay")
        .then()
        .statusCode(200)
        .body("status", equalTo("PAID"))
        .body("paidAt", org.hamcrest.Matchers.notNullValue());
    Api.as("rep.zhang")
        .get("/api/v1/commissions/" + contractCommission + "/history")
        .then()
        .body("data.action", equalTo(List.of("paid", "approved", "created")));
    String keptCommission = of("rep.zhang", kept).getString("data[0].id");
    Api.as("manager.wang")
        .post("/api/v1/commissions/" + keptCommission + "/approve")
        .then()
        .statusCode(200);

    // Voided after its commission was approved: the approved one stays, an adjustment undoes it.
    Api.as("rep.zhang").post("/api/v1/payments/" + kept + "/void").then().statusCode(200);
    JsonPath afterVoid = of("rep.zhang", kept);
    assertEquals(List.of("COMMISSION", "ADJUSTMENT"), afterVoid.getList("data.kind"));
    assertEquals(List.of("APPROVED", "CALCULATED"), afterVoid.getList("data.status"));
    assertEquals(List.of(20.00f, -20.00f), afterVoid.getList("data.amount", Float.class));
    assertEquals(-1000.00f, afterVoid.getFloat("data[1].basisAmount"));

    // Recalculating changes nothing more; the paid contract commission is untouched.
    Api.as("manager.wang")
        .post("/api/v1/commissions/recalculate?employeeId=" + ZHANG + "&period=" + month)
        .then()
        .statusCode(200)
        .body("employeeIds", equalTo(List.of(ZHANG)))
        .body("created", equalTo(0))
        .body("changed", equalTo(0))
        .body("removed", equalTo(0));
    Api.as("rep.zhang")
        .get("/api/v1/commissions/" + contractCommission)
        .then()
        .body("status", equalTo("PAID"))
        .body("amount", equalTo(617.28f));
    Api.as("rep.zhang")
        .post("/api/v1/commissions/recalculate?employeeId=" + ZHANG + "&period=" + month)
        .then()
        .statusCode(403);
    Api.as("manager.wang")
        .post("/api/v1/commissions/recalculate?period=2026-13")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("period"));

    // GraphQL: the same records and rules.
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "query($f: String) { commissions(filter: $f, sort: [\"createdAt\"]) {"
                    + " edges { node { kind amount status } } } }",
                "variables",
                Map.of("f", "sourceId==" + kept)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.commissions.edges.node.kind", equalTo(List.of("COMMISSION", "ADJUSTMENT")));
    String adjustment = afterVoid.getString("data[1].id");
    Api.as("manager.wang")
        .body(
            Map.of(
                "query",
                "mutation($id: ID!) { approveCommission(id: $id) { status approvedBy } }",
                "variables",
                Map.of("id", adjustment)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.approveCommission.status", equalTo("APPROVED"));
    Api.as("rep.chen")
        .body(
            Map.of(
                "query",
                "mutation($id: ID!) { payCommission(id: $id) { status } }",
                "variables",
                Map.of("id", adjustment)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors[0].extensions.status", equalTo(403));

    // The change feed: the rep and his manager follow the commission; a colleague and marketing
    // (who may not read commissions at all) never hear of it.
    publisher.publishPending();
    String feed = "/api/v1/events?types=commission.*&limit=1000&after=" + head;
    String mine = "data.findAll { it.resourceId == '" + contractCommission + "' }.type";
    List<String> expected = List.of("commission.created", "commission.approved", "commission.paid");
    assertEquals(expected, Api.as("rep.zhang").get(feed).then().extract().path(mine));
    assertEquals(expected, Api.as("manager.wang").get(feed).then().extract().path(mine));
    assertEquals(List.of(), Api.as("rep.chen").get(feed).then().extract().path(mine));
    assertEquals(List.of(), Api.as("marketing.zhao").get(feed).then().extract().path(mine));
  }

  @Test
  void aTieredRateAppliesToTheWholeMonthAndAnApprovedOneIsAdjusted() {
    YearMonth month = farMonth();
    String tiered =
        rule(
            Map.of(
                "name",
                "张伟阶梯提成",
                "basis",
                "CONTRACT_AMOUNT",
                "employeeId",
                ZHANG,
                "rate",
                0.01,
                "tiers",
                List.of(Map.of("from", 10000, "rate", 0.03), Map.of("from", 50000, "rate", 0.05))));
    Api.as("rep.zhang")
        .get("/api/v1/commission-rules/" + tiered)
        .then()
        .body("tiers.from", equalTo(List.of(10000, 50000)));
    Api.as("manager.wang")
        .body(
            Map.of(
                "name",
                "乱序阶梯",
                "basis",
                "CONTRACT_AMOUNT",
                "rate",
                0.01,
                "tiers",
                List.of(Map.of("from", 5000, "rate", 0.03), Map.of("from", 5000, "rate", 0.05))))
        .post("/api/v1/commission-rules")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("tiers[1].from"));

    String customer = SalesChainTest.customer("rep.zhang");
    String first = contract(customer, 6000, month.atDay(3));
    assertEquals(List.of(60.00f), of("rep.zhang", first).getList("data.amount", Float.class));

    // 11,000 in the month reaches the 10,000 tier: 3 % on both contracts.
    String second = contract(customer, 5000, month.atDay(9));
    JsonPath onFirst = of("rep.zhang", first);
    assertEquals(List.of(180.00f), onFirst.getList("data.amount", Float.class));
    assertEquals(List.of(0.03f), onFirst.getList("data.rate", Float.class));
    assertEquals(List.of(150.00f), of("rep.zhang", second).getList("data.amount", Float.class));
    String firstCommission = onFirst.getString("data[0].id");
    Api.as("rep.zhang")
        .get("/api/v1/commissions/" + firstCommission + "/history")
        .then()
        .body("data.action", equalTo(List.of("recalculated", "created")))
        .body("data[0].changes.amount.old", equalTo(60.00f))
        .body("data[0].changes.amount.new", equalTo(180.00f));

    // The first is approved at 3 %; the second is voided, the month falls back to 1 %.
    Api.as("manager.wang")
        .post("/api/v1/commissions/" + firstCommission + "/approve")
        .then()
        .statusCode(200);
    Api.as("rep.zhang").post("/api/v1/contracts/" + second + "/void").then().statusCode(200);
    Api.as("rep.zhang")
        .get("/api/v1/commissions?filter=sourceId==" + second)
        .then()
        .body("data", empty());
    JsonPath adjusted = of("rep.zhang", first);
    assertEquals(List.of("APPROVED", "CALCULATED"), adjusted.getList("data.status"));
    assertEquals(List.of(180.00f, -120.00f), adjusted.getList("data.amount", Float.class));
    assertEquals(List.of(0.03f, 0.01f), adjusted.getList("data.rate", Float.class));
    assertEquals(0.00f, adjusted.getFloat("data[1].basisAmount"));

    // A default rule covers the manager's own sale; rep.zhang keeps his more specific one.
    rule(Map.of("name", "默认合同提成", "basis", "CONTRACT_AMOUNT", "rate", 0.01));
    String own =
        Api.as("manager.wang")
            .body(
                Map.of(
                    "name",
                    "经理合同",
                    "customerId",
                    SalesChainTest.customer("manager.wang"),
                    "amount",
                    2000,
                    "signingDate",
                    month.atDay(20).toString()))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("manager.wang").post("/api/v1/contracts/" + own + "/submit").then().statusCode(200);
    JsonPath wangs = of("manager.wang", own);
    assertEquals(List.of(20.00f), wangs.getList("data.amount", Float.class));
    assertEquals(Api.MANAGER_WANG, wangs.getString("data[0].ownerId"));

    // Nobody approves their own commission.
    Api.as("manager.wang")
        .post("/api/v1/commissions/" + wangs.getString("data[0].id") + "/approve")
        .then()
        .statusCode(403);
    Api.asAdmin()
        .post("/api/v1/commissions/" + wangs.getString("data[0].id") + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("APPROVED"));

    // The whole month of everyone in the manager's scope: already as it should be.
    Api.as("manager.wang")
        .post("/api/v1/commissions/recalculate?period=" + month)
        .then()
        .statusCode(200)
        .body("employeeIds", equalTo(List.of(Api.MANAGER_WANG, ZHANG)))
        .body("created", equalTo(0))
        .body("changed", equalTo(0))
        .body("removed", equalTo(0));
    assertEquals(
        List.of(180.00f, -120.00f), of("rep.zhang", first).getList("data.amount", Float.class));
  }

  static void assertAmount(String expected, Object actual) {
    assertEquals(
        0,
        new java.math.BigDecimal(expected)
            .compareTo(new java.math.BigDecimal(String.valueOf(actual))),
        "expected " + expected + " but was " + actual);
  }

  @Test
  void aCategoryRuleCoversItsProductsAndTheirSubCategoriesLineByLine() {
    YearMonth month = farMonth();
    String software = Products.category(Api.uniqueCode("SW"), null);
    String licences = Products.category(Api.uniqueCode("LIC"), software);
    Map<String, Object> body = Products.product(Api.uniqueCode("P"), "许可证");
    body.put("categoryId", licences);
    String product = Products.create(body).then().extract().path("id");
    String onSoftware =
        rule(
            Map.of(
                "name",
                "软件合同提成",
                "basis",
                "CONTRACT_AMOUNT",
                "productCategoryId",
                software,
                "rate",
                0.1));
    String fallback = rule(Map.of("name", "默认合同提成", "basis", "CONTRACT_AMOUNT", "rate", 0.01));
    Api.as("manager.wang")
        .body(
            Map.of(
                "name",
                "无此类别",
                "basis",
                "CONTRACT_AMOUNT",
                "productCategoryId",
                java.util.UUID.randomUUID().toString(),
                "rate",
                0.1))
        .post("/api/v1/commission-rules")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("productCategoryId"));

    // 2 licences at 1,000 (software, by their sub-category) and 500 of services (no product).
    String contract =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "name",
                    "分类合同",
                    "customerId",
                    SalesChainTest.customer("rep.zhang"),
                    "signingDate",
                    month.atDay(5).toString(),
                    "lines",
                    List.of(
                        Map.of(
                            "productId",
                            product,
                            "description",
                            "许可证",
                            "quantity",
                            2,
                            "unitPrice",
                            1000,
                            "taxRate",
                            0),
                        Map.of(
                            "description", "实施服务", "quantity", 1, "unitPrice", 500, "taxRate", 0))))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .body("amount", equalTo(2500.00f))
            .extract()
            .path("id");
    Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit").then().statusCode(200);
    JsonPath lines = of("rep.zhang", contract);
    Map<String, Object> bySoftware =
        lines.getMap("data.find { it.ruleId == '" + onSoftware + "' }");
    assertEquals(software, bySoftware.get("productCategoryId"));
    assertAmount("2000.00", bySoftware.get("basisAmount"));
    assertAmount("200.00", bySoftware.get("amount"));
    Map<String, Object> byDefault = lines.getMap("data.find { it.ruleId == '" + fallback + "' }");
    assertAmount("500.00", byDefault.get("basisAmount"));
    assertAmount("5.00", byDefault.get("amount"));
    assertEquals(2, lines.getList("data").size());
  }
}
