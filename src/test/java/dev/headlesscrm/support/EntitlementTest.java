package dev.headlesscrm.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.sales.SalesChainTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Service contracts and entitlements (服务合同 / 服务许可, issue 15 point 2): which one entitles a request,
 * counting by cases (on creation or on resolution) and by hours, blocking at zero, a reopened
 * request not counted twice, the ledger reversed and replayed as requests are deleted and restored,
 * and the SLA policy chosen by the contract's service level.
 */
@QuarkusTest
class EntitlementTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final String SUN = ServiceRequestTest.SUN;

  static JsonPath contract(String customer, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "年度维保");
    body.put("customerId", customer);
    body.put("serviceLevel", "STANDARD");
    body.put("startsOn", TODAY.minusDays(10).toString());
    body.put("endsOn", TODAY.plusDays(100).toString());
    body.putAll(extra);
    return Api.as("manager.wang")
        .body(body)
        .post("/api/v1/service-contracts")
        .then()
        .statusCode(201)
        .body("number", startsWith("FWHT"))
        .body("inForce", equalTo(true))
        .extract()
        .jsonPath();
  }

  static Map<String, Object> term(String unit, String channel, Object quantity) {
    Map<String, Object> t = new HashMap<>();
    t.put("unit", unit);
    t.put("channel", channel);
    t.put("quantity", quantity);
    return t;
  }

  static Map<String, Object> requestBody(String customer, String channel, String goods) {
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", customer);
    body.put("channel", channel);
    body.put("type", "REPAIR");
    body.put("subject", "打印机不进纸");
    body.put("ownerId", SUN);
    body.put("goodsId", goods);
    return body;
  }

  static JsonPath request(String customer, String channel, String goods) {
    return Api.as("admin.li")
        .body(requestBody(customer, channel, goods))
        .post("/api/v1/service-requests")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  static JsonPath contractNow(String id) {
    return Api.as("agent.sun")
        .get("/api/v1/service-contracts/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static float used(String contract) {
    return contractNow(contract).getFloat("terms[0].used");
  }

  static List<Map<String, Object>> ledger(String contract) {
    return Api.as("agent.sun")
        .get("/api/v1/service-contracts/" + contract + "/ledger")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data");
  }

  static void resolve(String request, Object workedHours) {
    Map<String, Object> body = new HashMap<>();
    body.put("resolution", "已修复");
    body.put("workedHours", workedHours);
    Api.as("agent.sun")
        .body(body)
        .post("/api/v1/service-requests/" + request + "/resolve")
        .then()
        .statusCode(200);
  }

  @Test
  void casesCountedOnCreationBlockAtZeroAndGoBackWithADeletedRequest() {
    String customer = SalesChainTest.customer("rep.zhang");
    JsonPath c =
        contract(
            customer,
            Map.of(
                "consumeOn",
                "CREATION",
                "blockWhenExhausted",
                true,
                "terms",
                List.of(term("CASES", "PHONE", 2))));
    String id = c.getString("id");
    String termId = c.getString("terms[0].id");
    assertEquals(0f, c.getFloat("terms[0].used"));
    assertEquals(2f, c.getFloat("terms[0].remaining"));

    JsonPath first = request(customer, "PHONE", null);
    assertEquals("SERVICE_CONTRACT", first.getString("entitledBy"));
    assertEquals(id, first.getString("serviceContractId"));
    assertEquals(termId, first.getString("entitlementTermId"));
    assertEquals(1f, used(id));
    request(customer, "PHONE", null);
    JsonPath spent = contractNow(id);
    assertEquals(2f, spent.getFloat("terms[0].used"));
    assertEquals(0f, spent.getFloat("terms[0].remaining"));
    long version = spent.getLong("version");

    // Used up, and the contract blocks: the third phone request is refused and changes nothing.
    Api.as("admin.li")
        .body(requestBody(customer, "PHONE", null))
        .post("/api/v1/service-requests")
        .then()
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString(c.getString("number")));
    assertEquals(version, contractNow(id).getLong("version"));
    Api.as("agent.sun")
        .get("/api/v1/service-requests?filter=customerId==" + customer)
        .then()
        .body("data.size()", equalTo(2));
    // The term is for phone: an email request is not covered, so nothing entitles or blocks it.
    assertEquals("NONE", request(customer, "EMAIL", null).getString("entitledBy"));

    // What the customer is entitled to, over REST and GraphQL alike.
    Api.as("agent.sun")
        .get("/api/v1/customers/" + customer + "/entitlements")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1))
        .body("data[0].source", equalTo("SERVICE_CONTRACT"))
        .body("data[0].serviceContract.id", equalTo(id))
        .body("data[0].serviceContract.serviceLevel", equalTo("STANDARD"))
        .body("data[0].term.id", equalTo(termId))
        .body("data[0].term.channel", equalTo("PHONE"))
        .body("data[0].term.remaining.toFloat()", equalTo(0f))
        .body("data[0].goods", org.hamcrest.Matchers.nullValue());
    Api.as("agent.sun")
        .body(
            Map.of(
                "query",
                "query($id: ID!) { customerEntitlements(id: $id) {"
                    + " source serviceContract { number } term { id remaining } } }",
                "variables",
                Map.of("id", customer)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("data.customerEntitlements[0].term.id", equalTo(termId))
        .body(
            "data.customerEntitlements[0].serviceContract.number", equalTo(c.getString("number")));

    // A deleted request gives its case back, restored it takes it again: the ledger says so.
    String firstId = first.getString("id");
    Api.as("admin.li").delete("/api/v1/service-requests/" + firstId).then().statusCode(204);
    assertEquals(1f, used(id));
    Api.as("admin.li")
        .post("/api/v1/service-requests/" + firstId + "/restore")
        .then()
        .statusCode(200);
    assertEquals(2f, used(id));
    List<Map<String, Object>> lines = ledger(id);
    assertEquals(
        List.of("CREATED", "CREATED", "DELETED", "RESTORED"),
        lines.stream().map(l -> l.get("reason")).toList());
    assertEquals(
        List.of(1f, 1f, -1f, 1f),
        lines.stream().map(l -> ((Number) l.get("quantity")).floatValue()).toList());
    Api.as("agent.sun")
        .get("/api/v1/service-contracts/" + id + "/history?limit=100")
        .then()
        .body("data.action", hasItem("entitlement-consumed"))
        .body("data.action", hasItem("entitlement-returned"));
  }

  @Test
  void casesCountedOnResolutionAreNotCountedAgainWhenReopened() {
    String customer = SalesChainTest.customer("rep.zhang");
    String id =
        contract(
                customer,
                Map.of("consumeOn", "RESOLUTION", "terms", List.of(term("CASES", null, 5))))
            .getString("id");
    String request = request(customer, "WECHAT", null).getString("id");
    assertEquals(0f, used(id), "nothing counted until it is resolved");
    resolve(request, null);
    assertEquals(1f, used(id));
    ServiceRequestTest.act(request, "reopen");
    resolve(request, null);
    assertEquals(1f, used(id), "a reopened request is not counted twice");
    assertEquals(1, ledger(id).size());
  }

  @Test
  void hoursAreCountedFromTheHoursWorkedAndCorrected() {
    String customer = SalesChainTest.customer("rep.zhang");
    String id =
        contract(customer, Map.of("terms", List.of(term("HOURS", null, 10)))).getString("id");
    String request = request(customer, "PHONE", null).getString("id");
    assertEquals(0f, used(id), "hours are known only when it is resolved");
    resolve(request, 3.5);
    assertEquals(3.5f, used(id));
    ServiceRequestTest.act(request, "reopen");
    resolve(request, 5);
    assertEquals(5f, used(id), "the second resolution adds only the difference");
    // A correction of the hours on the resolved request gives back the difference.
    long version = ServiceRequestTest.get(request).getLong("version");
    Api.as("agent.sun")
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of("workedHours", 4))
        .patch("/api/v1/service-requests/" + request)
        .then()
        .statusCode(200)
        .body("workedHours.toFloat()", equalTo(4f));
    assertEquals(4f, used(id));
    assertEquals(
        List.of(3.5f, 1.5f, -1f),
        ledger(id).stream().map(l -> ((Number) l.get("quantity")).floatValue()).toList());
    // Hours may run over (remaining below zero); then nothing is left for the next request.
    String second = request(customer, "PHONE", null).getString("id");
    resolve(second, 8);
    assertEquals(-2f, contractNow(id).getFloat("terms[0].remaining"));
    assertEquals("NONE", request(customer, "PHONE", null).getString("entitledBy"));
    // A negative number of hours is refused.
    Api.as("agent.sun")
        .body(Map.of("resolution", "x", "workedHours", -1))
        .post("/api/v1/service-requests/" + second + "/resolve")
        .then()
        .statusCode(422);
  }

  @Test
  void warrantyAndTheSalesContractBehindTheGoodsEntitleWhenNoServiceContractDoes() {
    String product = GoodsTest.product();
    String customer = SalesChainTest.customer("rep.zhang");
    // A used-up, blocking contract does not stop a request the warranty covers.
    String blocking =
        contract(
                customer,
                Map.of("blockWhenExhausted", true, "terms", List.of(term("CASES", null, 1))))
            .getString("id");
    request(customer, "WEB", null);
    assertEquals(1f, used(blocking));
    String covered = GoodsTest.goods(customer, product, TODAY.plusDays(30), null);
    JsonPath underWarranty = request(customer, "WEB", covered);
    assertEquals("WARRANTY", underWarranty.getString("entitledBy"));
    assertTrue(underWarranty.getBoolean("underWarranty"));

    // Goods delivered under an active sales contract, their warranty over: the contract entitles.
    String sales =
        GoodsTest.salesContract(
            customer, product, 1, Map.of("endDate", TODAY.plusYears(2).toString()));
    Api.as("rep.zhang").post("/api/v1/contracts/" + sales + "/activate").then().statusCode(200);
    JsonPath order = GoodsTest.confirmedOrder(sales);
    GoodsTest.deliver(order, 1);
    JsonPath delivered = GoodsTest.goodsOf(order);
    String goods = delivered.getString("data[0].id");
    Api.as("rep.zhang")
        .header("If-Match", "\"" + delivered.getLong("data[0].version") + "\"")
        .body(Map.of("warrantyEndsOn", TODAY.minusDays(1).toString()))
        .patch("/api/v1/goods/" + goods)
        .then()
        .statusCode(200);
    JsonPath bySales = request(customer, "WEB", goods);
    assertEquals("SALES_CONTRACT", bySales.getString("entitledBy"));
    assertEquals(sales, bySales.getString("salesContractId"));
    assertEquals(false, bySales.getBoolean("underWarranty"));

    JsonPath all =
        Api.as("agent.sun")
            .get("/api/v1/customers/" + customer + "/entitlements")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        List.of("SERVICE_CONTRACT", "WARRANTY", "SALES_CONTRACT"), all.getList("data.source"));
    assertEquals(covered, all.getString("data[1].goods.id"));
    assertEquals(goods, all.getString("data[2].goods.id"));
    assertEquals(sales, all.getString("data[2].salesContractId"));
    // Nothing of it for someone who cannot see the customer.
    Api.as("rep.chen")
        .get("/api/v1/customers/" + customer + "/entitlements")
        .then()
        .statusCode(404);
    // Neither warranty nor sales contract: the blocking contract refuses.
    String bare = GoodsTest.goods(customer, product, TODAY.minusDays(5), null);
    Api.as("admin.li")
        .body(requestBody(customer, "WEB", bare))
        .post("/api/v1/service-requests")
        .then()
        .statusCode(409);
  }

  @Test
  void twoRequestsRacingForTheLastCaseNeverBothGetIt() throws Exception {
    String customer = SalesChainTest.customer("rep.zhang");
    String id =
        contract(
                customer,
                Map.of("blockWhenExhausted", true, "terms", List.of(term("CASES", null, 1))))
            .getString("id");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(
            () ->
                Api.as("admin.li")
                    .body(requestBody(customer, "PHONE", null))
                    .post("/api/v1/service-requests")
                    .statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      statuses.sort(null);
      assertEquals(List.of(201, 409), statuses);
    } finally {
      pool.shutdown();
    }
    assertEquals(1f, used(id));
    assertEquals(1, ledger(id).size());
  }

  @Test
  void slaPoliciesChooseByTheEntitlingContractsServiceLevel() {
    String calendar =
        Api.as("admin.li")
            .get("/api/v1/business-calendars?limit=1&sort=createdAt")
            .then()
            .statusCode(200)
            .extract()
            .path("data[0].id");
    Map<String, Object> body = new HashMap<>();
    body.put("name", Api.uniqueCode("VIP 合同"));
    body.put("rank", 0);
    body.put("entitlementSources", List.of("SERVICE_CONTRACT"));
    body.put("serviceLevels", List.of("VIP"));
    body.put("calendarId", calendar);
    body.put("firstResponseMinutes", 15);
    String policy =
        Api.as("admin.li")
            .body(body)
            .post("/api/v1/sla-policies")
            .then()
            .statusCode(201)
            .body("serviceLevels", equalTo(List.of("VIP")))
            .body("entitlementSources", equalTo(List.of("SERVICE_CONTRACT")))
            .extract()
            .path("id");
    String vip = SalesChainTest.customer("rep.zhang");
    contract(vip, Map.of("serviceLevel", "VIP", "terms", List.of(term("CASES", null, 3))));
    assertEquals(policy, request(vip, "PHONE", null).getString("slaPolicyId"));
    String plain = SalesChainTest.customer("rep.zhang");
    contract(plain, Map.of("terms", List.of(term("CASES", null, 3))));
    assertNotEquals(policy, request(plain, "PHONE", null).getString("slaPolicyId"));
  }

  @Test
  void contractsAreValidatedAndUsedTermsKept() {
    String customer = SalesChainTest.customer("rep.zhang");
    String other = SalesChainTest.customer("rep.zhang");
    String othersGoods = GoodsTest.goods(other, GoodsTest.product(), null, null);
    Map<String, Object> body = new HashMap<>();
    body.put("name", "x");
    body.put("customerId", customer);
    body.put("serviceLevel", "STANDARD");
    body.put("startsOn", TODAY.toString());
    body.put("endsOn", TODAY.minusDays(1).toString());
    Api.as("manager.wang")
        .body(body)
        .post("/api/v1/service-contracts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("endsOn"));
    body.put("endsOn", TODAY.plusDays(1).toString());
    body.put("goodsIds", List.of(othersGoods));
    Api.as("manager.wang")
        .body(body)
        .post("/api/v1/service-contracts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("goodsIds[0]"));
    body.remove("goodsIds");
    body.put("serviceLevel", "NO_SUCH_LEVEL");
    Api.as("manager.wang")
        .body(body)
        .post("/api/v1/service-contracts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("serviceLevel"));
    // Agents read contracts but do not write them.
    body.put("serviceLevel", "STANDARD");
    Api.as("agent.sun").body(body).post("/api/v1/service-contracts").then().statusCode(403);

    JsonPath c = contract(customer, Map.of("terms", List.of(term("CASES", null, 3))));
    String id = c.getString("id");
    String termId = c.getString("terms[0].id");
    request(customer, "PHONE", null);
    request(customer, "PHONE", null);
    // A used term cannot shrink below its use, nor be dropped; raising it keeps what was used.
    Map<String, Object> shrunk = term("CASES", null, 1);
    shrunk.put("id", termId);
    Api.as("manager.wang")
        .header("If-Match", "\"" + contractNow(id).getLong("version") + "\"")
        .body(Map.of("terms", List.of(shrunk)))
        .patch("/api/v1/service-contracts/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("terms[0].quantity"));
    Api.as("manager.wang")
        .header("If-Match", "\"" + contractNow(id).getLong("version") + "\"")
        .body(Map.of("terms", List.of()))
        .patch("/api/v1/service-contracts/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("terms"));
    Map<String, Object> raised = term("CASES", null, 10);
    raised.put("id", termId);
    Api.as("manager.wang")
        .header("If-Match", "\"" + contractNow(id).getLong("version") + "\"")
        .body(Map.of("terms", List.of(raised)))
        .patch("/api/v1/service-contracts/" + id)
        .then()
        .statusCode(200)
        .body("terms[0].used.toFloat()", equalTo(2f))
        .body("terms[0].remaining.toFloat()", equalTo(8f));
  }
}
