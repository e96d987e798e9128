package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 360° view (issue 13): a customer's timeline merges every kind newest first, pages by cursor
 * without gaps or repeats, and shows each caller only what they may read; the summary's figures.
 */
@QuarkusTest
class TimelineTest {

  static final String CHEN = "0193a000-0000-7000-8000-0000000000e4";

  static String post(String user, String path, Map<String, Object> body) {
    return Api.as(user).body(body).post(path).then().statusCode(201).extract().path("id");
  }

  static List<Map<String, Object>> all(String user, String customer, String kind, int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    String cursor = null;
    do {
      var request = Api.as(user).queryParam("limit", limit);
      if (kind != null) {
        request.queryParam("kind", kind);
      }
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request
              .get("/api/v1/customers/" + customer + "/timeline")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      out.addAll(page.getList("data"));
      cursor = page.getString("page.nextCursor");
    } while (cursor != null);
    return out;
  }

  static List<String> kinds(List<Map<String, Object>> items) {
    return items.stream().map(i -> (String) i.get("kind")).toList();
  }

  @Test
  void everythingAboutACustomerNewestFirstAsEachCallerMaySeeIt() {
    String customer = Customers.createId("全方位客户 " + System.nanoTime());
    String opportunity =
        post(
            "rep.zhang",
            "/api/v1/opportunities",
            Map.of("name", "二期项目", "customerId", customer, "amount", 100000));
    // In another currency: summed apart, never added to the yuan.
    post(
        "rep.zhang",
        "/api/v1/opportunities",
        Map.of("name", "海外项目", "customerId", customer, "amount", 2000, "currency", "USD"));
    String contract =
        post(
            "rep.zhang",
            "/api/v1/contracts",
            Map.of("name", "一期合同", "customerId", customer, "amount", 50000));
    Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit").then().statusCode(200);
    String followUp =
        post(
            "rep.zhang",
            "/api/v1/follow-ups",
            Map.of("customerId", customer, "method", "VISIT", "content", "拜访采购部"));
    String task =
        post(
            "rep.zhang",
            "/api/v1/tasks",
            Map.of(
                "subject",
                "寄送样品",
                "relatedResource",
                "customer",
                "relatedId",
                customer,
                "dueAt",
                Instant.now().minusSeconds(60).toString()));
    Api.as("rep.zhang").post("/api/v1/customers/" + customer + "/lock").then().statusCode(200);

    List<Map<String, Object>> items = all("rep.zhang", customer, null, 50);
    List<String> kinds = kinds(items);
    for (String k : List.of("follow-up", "task", "opportunity", "contract", "ownership", "stage")) {
      assertTrue(kinds.contains(k), k + " in " + kinds);
    }
    // Newest first.
    for (int i = 1; i < items.size(); i++) {
      Instant before = Instant.parse((String) items.get(i - 1).get("at"));
      Instant after = Instant.parse((String) items.get(i).get("at"));
      assertFalse(after.isAfter(before), "ordered at " + i);
    }
    Map<String, Object> lock =
        items.stream().filter(i -> "ownership".equals(i.get("kind"))).findFirst().orElseThrow();
    assertEquals("locked", ((Map<?, ?>) lock.get("detail")).get("action"));
    Map<String, Object> stage =
        items.stream().filter(i -> "stage".equals(i.get("kind"))).findFirst().orElseThrow();
    assertEquals("NEW", ((Map<?, ?>) stage.get("detail")).get("to"));
    assertTrue(items.stream().anyMatch(i -> followUp.equals(i.get("recordId"))));

    // Paging one at a time reads the same items in the same order.
    List<Map<String, Object>> paged = all("rep.zhang", customer, null, 1);
    assertEquals(
        items.stream().map(i -> i.get("id")).toList(),
        paged.stream().map(i -> i.get("id")).toList());
    // One kind.
    assertEquals(List.of("follow-up"), kinds(all("rep.zhang", customer, "follow-up", 50)));
    Api.as("rep.zhang")
        .queryParam("kind", "gossip")
        .get("/api/v1/customers/" + customer + "/timeline")
        .then()
        .statusCode(400);

    // Outside the caller's scope: 404. Shared with chen: the customer's own entries, but not
    // zhang's follow-ups, tasks or sales records, which chen's scope does not reach.
    Api.as("rep.chen").get("/api/v1/customers/" + customer + "/timeline").then().statusCode(404);
    Api.as("rep.zhang")
        .body(Map.of("employeeId", CHEN, "access", "READ"))
        .post("/api/v1/customers/" + customer + "/team")
        .then()
        .statusCode(200);
    List<String> chens = kinds(all("rep.chen", customer, null, 50));
    assertTrue(chens.contains("ownership"));
    assertFalse(chens.contains("follow-up"), "zhang's follow-ups: " + chens);
    assertFalse(chens.contains("contract"), chens.toString());
    // The manager of both sees everything.
    assertTrue(kinds(all("manager.wang", customer, null, 50)).contains("contract"));

    // The summary.
    JsonPath summary =
        Api.as("rep.zhang")
            .get("/api/v1/customers/" + customer + "/summary")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(2, summary.getInt("openOpportunities"));
    assertEquals("CNY", summary.getString("currency"));
    assertEquals(
        0,
        new BigDecimal("100000.00")
            .compareTo(summary.getObject("openOpportunityAmount", BigDecimal.class)));
    assertEquals(List.of("USD"), summary.getList("otherCurrencies.currency"));
    assertEquals(
        0,
        new BigDecimal("2000")
            .compareTo(
                summary.getObject("otherCurrencies[0].openOpportunityAmount", BigDecimal.class)));
    assertEquals(
        0,
        BigDecimal.ZERO.compareTo(
            summary.getObject("otherCurrencies[0].contractTotal", BigDecimal.class)));
    BigDecimal weighted = summary.getObject("weightedOpportunityAmount", BigDecimal.class);
    assertTrue(weighted.signum() >= 0 && weighted.compareTo(new BigDecimal("100000")) <= 0);
    assertEquals(
        0, new BigDecimal("50000").compareTo(summary.getObject("contractTotal", BigDecimal.class)));
    assertEquals(0, BigDecimal.ZERO.compareTo(summary.getObject("received", BigDecimal.class)));
    assertEquals(
        0, new BigDecimal("50000").compareTo(summary.getObject("outstanding", BigDecimal.class)));
    assertEquals(1, summary.getInt("openTasks"));
    assertEquals(1, summary.getInt("overdueTasks"));
    assertEquals("拜访采购部", summary.getString("lastFollowUpContent"));
    // chen, sharing the customer but not its sales records, sees no money of zhang's.
    JsonPath chenSummary =
        Api.as("rep.chen")
            .get("/api/v1/customers/" + customer + "/summary")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(0, chenSummary.getInt("openOpportunities"));
    assertEquals(
        0, BigDecimal.ZERO.compareTo(chenSummary.getObject("contractTotal", BigDecimal.class)));
    assertEquals(0, chenSummary.getInt("openTasks"));

    // GraphQL twins.
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "{ customerTimeline(id: \""
                    + customer
                    + "\", first: 2) { items { kind at recordId } pageInfo { hasNextPage endCursor } }"
                    + " customerSummary(id: \""
                    + customer
                    + "\") { openOpportunities currency contractTotal openTasks"
                    + " otherCurrencies { currency openOpportunityAmount } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.customerTimeline.pageInfo.hasNextPage", equalTo(true))
        .body("data.customerSummary.openOpportunities", equalTo(2))
        .body("data.customerSummary.otherCurrencies[0].currency", equalTo("USD"))
        .body("data.customerTimeline.items.kind", hasItem("ownership"));
    assertTrue(task != null && opportunity != null);
  }
}
