package dev.headlesscrm.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.catalogue.Products;
import dev.headlesscrm.sales.SalesChainTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Repairs (产品维修, issue 15 point 6): made from a service request (customer and goods from it), costs
 * computed on the server and charged only out of warranty, and the status machine moved only by its
 * actions, each a version, a history entry and an event.
 */
@QuarkusTest
class RepairTest {

  static final String SUN = "0193a000-0000-7000-8000-0000000000e7";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject AgroalDataSource db;

  static String product(Object listPrice) {
    Map<String, Object> body = Products.product(Api.uniqueCode("WX"), "定影器组件");
    if (listPrice != null) {
      body.put("listPrice", listPrice);
    }
    return Products.create(body).jsonPath().getString("id");
  }

  /** A repair request for the customer, assigned to agent.sun, naming the goods (or none). */
  static String request(String customer, String goods) {
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", customer);
    body.put("channel", "PHONE");
    body.put("type", "REPAIR");
    body.put("subject", "打印机高温卡纸");
    body.put("ownerId", SUN);
    body.put("goodsId", goods);
    return Api.as("admin.li")
        .body(body)
        .post("/api/v1/service-requests")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static Response create(Map<String, Object> body) {
    return Api.as("agent.sun").body(body).post("/api/v1/repairs");
  }

  /** An open repair of a request with goods under warranty until the given day. */
  static String repair(LocalDate warrantyEndsOn) {
    String customer = SalesChainTest.customer("rep.zhang");
    String goods = GoodsTest.goods(customer, product(null), warrantyEndsOn, null);
    return create(Map.of("serviceRequestId", request(customer, goods)))
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static Response act(String id, String action, Object body) {
    var r = Api.as("agent.sun");
    if (body != null) {
      r.body(body);
    }
    return r.post("/api/v1/repairs/" + id + "/" + action);
  }

  long events(String id, String type) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM events WHERE resource_id = ? AND type = ?")) {
      s.setObject(1, UUID.fromString(id));
      s.setString(2, type);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void aRepairTakesTheRequestsCustomerAndGoodsAndComputesItsCosts() {
    String customer = SalesChainTest.customer("rep.zhang");
    String goods = GoodsTest.goods(customer, product(null), TODAY.plusDays(30), "SN-WX-1");
    String request = request(customer, goods);
    String fuser = product(150);
    String board = product(null);
    Map<String, Object> body = new HashMap<>();
    body.put("serviceRequestId", request);
    body.put(
        "parts",
        List.of(
            Map.of("productId", fuser, "quantity", 2),
            Map.of(
                "productId",
                board,
                "quantity",
                1,
                "unitPrice",
                "80.555",
                "serialNumber",
                "PCB-001")));
    body.put("labourHours", 1.5);
    body.put("labourRate", 120);
    Response r = create(body);
    r.then()
        .statusCode(201)
        .body("number", startsWith("WX"))
        .body("status", equalTo("OPEN"))
        .body("customerId", equalTo(customer))
        .body("goodsId", equalTo(goods))
        .body("fault", equalTo("打印机高温卡纸"))
        .body("inWarranty", equalTo(true))
        .body("ownerId", equalTo(SUN))
        .body("parts[0].description", equalTo("定影器组件"))
        .body("parts[1].serialNumber", equalTo("PCB-001"));
    assertEquals(new BigDecimal("300.00"), Products.decimal(r, "parts[0].amount"));
    assertEquals(new BigDecimal("150"), Products.decimal(r, "parts[0].unitPrice"));
    assertEquals(new BigDecimal("80.56"), Products.decimal(r, "parts[1].amount"));
    assertEquals(new BigDecimal("380.56"), Products.decimal(r, "partsTotal"));
    assertEquals(new BigDecimal("180.00"), Products.decimal(r, "labourTotal"));
    assertEquals(new BigDecimal("560.56"), Products.decimal(r, "total"));
    // In warranty: neither parts nor labour are charged.
    assertEquals(new BigDecimal("0.00"), Products.decimal(r, "chargeable"));
    // The request lists its repairs over GraphQL.
    Api.as("agent.sun")
        .body(
            Map.of(
                "query", "{ serviceRequest(id: \"" + request + "\") { repairs { id number } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.serviceRequest.repairs.id", hasItem(r.jsonPath().getString("id")));
    Api.as("agent.sun")
        .get("/api/v1/repairs?filter=serviceRequestId==" + request)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1));
  }

  @Test
  void outOfWarrantyTheCustomerPaysAndTotalsFollowEveryChange() {
    String id = repair(TODAY.minusDays(1));
    String part = product(200);
    Response r =
        Api.as("agent.sun")
            .contentType("application/merge-patch+json")
            .body(
                Map.of(
                    "parts",
                    List.of(Map.of("productId", part, "quantity", 1)),
                    "labourHours",
                    2,
                    "labourRate",
                    50))
            .patch("/api/v1/repairs/" + id);
    r.then().statusCode(200).body("inWarranty", equalTo(false)).body("version", equalTo(1));
    assertEquals(new BigDecimal("300.00"), Products.decimal(r, "total"));
    assertEquals(new BigDecimal("300.00"), Products.decimal(r, "chargeable"));
    // Totals are the server's: a client's total is refused.
    Api.as("agent.sun")
        .contentType("application/merge-patch+json")
        .body(Map.of("total", 1))
        .patch("/api/v1/repairs/" + id)
        .then()
        .statusCode(422);
    Map<String, Object> withTotal = new HashMap<>();
    withTotal.put("serviceRequestId", UUID.randomUUID().toString());
    withTotal.put("chargeable", 0);
    create(withTotal).then().statusCode(422);
  }

  @Test
  void goodsOfAnotherCustomerAndUnknownReferencesAre422() {
    String customer = SalesChainTest.customer("rep.zhang");
    String other = SalesChainTest.customer("rep.zhang");
    String foreign = GoodsTest.goods(other, product(null), TODAY.plusDays(30), null);
    String request = request(customer, null);
    create(Map.of("serviceRequestId", request, "goodsId", foreign))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("goodsId"));
    create(Map.of("serviceRequestId", UUID.randomUUID().toString()))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("serviceRequestId"));
    create(
            Map.of(
                "serviceRequestId",
                request,
                "parts",
                List.of(Map.of("productId", UUID.randomUUID().toString(), "quantity", 1))))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("parts[0].productId"));
    create(
            Map.of(
                "serviceRequestId",
                request,
                "technicianId",
                UUID.randomUUID().toString(),
                "scheduledStart",
                "2026-12-08T03:00:00Z"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("technicianId"));
    create(
            Map.of(
                "serviceRequestId",
                request,
                "scheduledStart",
                "2026-12-08T03:00:00Z",
                "scheduledEnd",
                "2026-12-08T02:00:00Z"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("scheduledEnd"));
    // Without goods the repair is not in warranty, and the fault may be given.
    create(Map.of("serviceRequestId", request, "fault", "无法开机"))
        .then()
        .statusCode(201)
        .body("goodsId", nullValue())
        .body("inWarranty", equalTo(false))
        .body("fault", equalTo("无法开机"));
  }

  @Test
  void aRepairIsScheduledStartedAndCompletedOnlyByItsActions() throws Exception {
    String id = repair(TODAY.plusDays(30));
    act(id, "complete", Map.of("diagnosis", "x", "resolution", "y")).then().statusCode(409);
    act(id, "schedule", Map.of("scheduledStart", "2026-12-08T01:00:00Z"))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("technicianId"));
    Map<String, Object> visit =
        Map.of(
            "technicianId",
            SUN,
            "scheduledStart",
            "2026-12-08T01:00:00Z",
            "scheduledEnd",
            "2026-12-08T03:00:00Z",
            "visitAddress",
            "上海市浦东新区世纪大道 100 号");
    act(id, "schedule", visit)
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"))
        .body("technicianId", equalTo(SUN))
        .body("version", equalTo(1));
    act(id, "schedule", visit).then().statusCode(409);
    // Rescheduled: another window (an end before the new start is refused).
    act(id, "schedule", Map.of("scheduledStart", "2026-12-09T01:00:00Z"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("scheduledEnd"));
    act(
            id,
            "schedule",
            Map.of(
                "scheduledStart", "2026-12-09T01:00:00Z", "scheduledEnd", "2026-12-09T03:00:00Z"))
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"))
        .body("visitAddress", equalTo("上海市浦东新区世纪大道 100 号"));
    act(id, "start", null)
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("startedAt", notNullValue());
    act(id, "start", null).then().statusCode(409);
    act(id, "schedule", visit).then().statusCode(409);
    act(id, "complete", Map.of("diagnosis", "定影器温控失效"))
        .then()
        .statusCode(422)
        .body("errors.field", equalTo(List.of("resolution")));
    Response done =
        act(
            id,
            "complete",
            Map.of("diagnosis", "定影器温控失效", "resolution", "更换定影器组件", "labourHours", 2));
    done.then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("diagnosis", equalTo("定影器温控失效"))
        .body("resolution", equalTo("更换定影器组件"))
        .body("completedAt", notNullValue())
        .body("version", equalTo(4));
    assertEquals(new BigDecimal("2.00"), Products.decimal(done, "labourHours"));
    act(id, "cancel", Map.of()).then().statusCode(409);
    act(id, "complete", Map.of("diagnosis", "x", "resolution", "y")).then().statusCode(409);
    // Finished: no more edits.
    Api.as("agent.sun")
        .contentType("application/merge-patch+json")
        .body(Map.of("diagnosis", "改"))
        .patch("/api/v1/repairs/" + id)
        .then()
        .statusCode(409);
    Api.as("agent.sun")
        .get("/api/v1/repairs/" + id + "/history?limit=20")
        .then()
        .body(
            "data.action",
            equalTo(List.of("completed", "started", "scheduled", "scheduled", "created")));
    assertEquals(2, events(id, "repair.scheduled"));
    assertEquals(1, events(id, "repair.started"));
    assertEquals(1, events(id, "repair.completed"));
  }

  @Test
  void aRepairNotFinishedMayBeCancelledAlsoOverGraphQl() throws Exception {
    String id = repair(TODAY.plusDays(30));
    Api.as("agent.sun")
        .body(
            Map.of(
                "query",
                "mutation { cancelRepair(id: \""
                    + id
                    + "\", input: {reason: \"客户已自行更换\"}) { status cancelReason version } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.cancelRepair.status", equalTo("CANCELLED"))
        .body("data.cancelRepair.cancelReason", equalTo("客户已自行更换"))
        .body("data.cancelRepair.version", equalTo(1));
    act(id, "start", null).then().statusCode(409);
    act(id, "schedule", Map.of("technicianId", SUN, "scheduledStart", "2026-12-08T01:00:00Z"))
        .then()
        .statusCode(409);
    assertEquals(1, events(id, "repair.cancelled"));
    // A service desk repair starts without a visit.
    String desk = repair(TODAY.plusDays(30));
    act(desk, "start", null).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
    // Reps do not repair.
    Api.as("rep.zhang")
        .body(Map.of("serviceRequestId", UUID.randomUUID().toString()))
        .post("/api/v1/repairs")
        .then()
        .statusCode(403);
  }
}
