package dev.headlesscrm.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.catalogue.Products;
import dev.headlesscrm.sales.SalesChainTest;
import dev.headlesscrm.support.application.WarrantyJob;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Goods (商品, issue 15 point 1): made when a sales order line is delivered, entered by hand with
 * unique serial numbers, named by service requests (which record whether the warranty covered
 * them), and warranty ends told once to the customer's owner.
 */
@QuarkusTest
class GoodsTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject WarrantyJob warrantyJob;

  static String product() {
    return Products.create(Products.product(Api.uniqueCode("SRV"), "激光打印机"))
        .jsonPath()
        .getString("id");
  }

  static String goods(String customer, String product, LocalDate warrantyEndsOn, String serial) {
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", customer);
    body.put("productId", product);
    body.put("warrantyEndsOn", warrantyEndsOn == null ? null : warrantyEndsOn.toString());
    body.put("serialNumber", serial);
    return Api.as("rep.zhang")
        .body(body)
        .post("/api/v1/goods")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * An approved sales contract of rep.zhang for {@code quantity} of one product (with {@code extra}
   * fields, e.g. an end date).
   */
  static String salesContract(
      String customer, String product, int quantity, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>(extra);
    body.put("name", "打印机合同");
    body.put("customerId", customer);
    body.put(
        "lines",
        List.of(
            Map.of(
                "productId",
                product,
                "description",
                "打印机",
                "quantity",
                quantity,
                "unitPrice",
                1000)));
    String contract =
        Api.as("rep.zhang")
            .body(body)
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit").then().statusCode(200);
    return contract;
  }

  /** The sales order made from the contract, confirmed. */
  static JsonPath confirmedOrder(String contract) {
    JsonPath order =
        Api.as("rep.zhang")
            .post("/api/v1/sales-orders/from-contract/" + contract)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    Api.as("rep.zhang")
        .post("/api/v1/sales-orders/" + order.getString("id") + "/confirm")
        .then()
        .statusCode(200);
    return order;
  }

  /** Delivers {@code quantity} of the order's first line (which makes goods). */
  static void deliver(JsonPath order, int quantity) {
    Api.as("rep.zhang")
        .body(
            Map.of(
                "lines",
                List.of(Map.of("lineId", order.getString("lines[0].id"), "quantity", quantity))))
        .post("/api/v1/sales-orders/" + order.getString("id") + "/deliver")
        .then()
        .statusCode(200);
  }

  /** The goods the order's deliveries made, oldest first. */
  static JsonPath goodsOf(JsonPath order) {
    return Api.as("agent.sun")
        .get("/api/v1/goods?sort=createdAt&filter=orderId==" + order.getString("id"))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aDeliveredOrderLineBecomesTheCustomersGoods() {
    String product = product();
    String customer = SalesChainTest.customer("rep.zhang");
    JsonPath order = confirmedOrder(salesContract(customer, product, 8, Map.of()));
    String orderId = order.getString("id");
    deliver(order, 5);
    JsonPath goods =
        Api.as("agent.sun")
            .get("/api/v1/goods?filter=orderId==" + orderId)
            .then()
            .statusCode(200)
            .body("data", hasSize(1))
            .extract()
            .jsonPath();
    assertEquals(product, goods.getString("data[0].productId"));
    assertEquals(customer, goods.getString("data[0].customerId"));
    assertEquals(5.0f, goods.getFloat("data[0].quantity"));
    assertEquals(order.getString("lines[0].id"), goods.getString("data[0].orderLineId"));
    assertEquals(TODAY.toString(), goods.getString("data[0].deliveredOn"));
    // The default warranty: twelve months from delivery.
    assertEquals(
        TODAY.plusMonths(12).minusDays(1).toString(), goods.getString("data[0].warrantyEndsOn"));
    assertTrue(goods.getBoolean("data[0].underWarranty"));
    assertEquals("IN_USE", goods.getString("data[0].status"));
    String id = goods.getString("data[0].id");
    Api.as("rep.zhang")
        .get("/api/v1/goods/" + id + "/history")
        .then()
        .body("data.action", equalTo(List.of("created")));
    // The rest of the line makes a second record.
    deliver(order, 3);
    Api.as("agent.sun")
        .get("/api/v1/goods?filter=orderId==" + orderId)
        .then()
        .body("data", hasSize(2));
  }

  @Test
  void serviceRequestsSayWhetherTheWarrantyCoveredThem() {
    String product = product();
    String customer = SalesChainTest.customer("rep.zhang");
    String covered = goods(customer, product, TODAY.plusDays(100), null);
    String expired = goods(customer, product, TODAY.minusDays(1), null);
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", customer);
    body.put("channel", "WEB");
    body.put("type", "REPAIR");
    body.put("subject", "打印模糊");
    body.put("goodsId", covered);
    Api.as("admin.li")
        .body(body)
        .post("/api/v1/service-requests")
        .then()
        .statusCode(201)
        .body("goodsId", equalTo(covered))
        .body("underWarranty", equalTo(true));
    body.put("goodsId", expired);
    Api.as("admin.li")
        .body(body)
        .post("/api/v1/service-requests")
        .then()
        .statusCode(201)
        .body("underWarranty", equalTo(false));
    // Another customer's goods are refused.
    body.put("goodsId", goods(SalesChainTest.customer("rep.zhang"), product, null, null));
    Api.as("admin.li")
        .body(body)
        .post("/api/v1/service-requests")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("goodsId"));
  }

  @Test
  void serialNumbersAreUniquePerProduct() {
    String product = product();
    String customer = SalesChainTest.customer("rep.zhang");
    String serial = Api.uniqueCode("SN");
    goods(customer, product, null, serial);
    Api.as("rep.zhang")
        .body(Map.of("customerId", customer, "productId", product, "serialNumber", serial))
        .post("/api/v1/goods")
        .then()
        .statusCode(409);
    // The same serial number of another product is another item.
    goods(customer, product(), null, serial);
  }

  @Test
  void theOwnerIsToldOnceThatTheWarrantyEnds() {
    String customer = SalesChainTest.customer("rep.zhang");
    String soon = goods(customer, product(), TODAY.plusDays(10), null);
    String later = goods(customer, product(), TODAY.plusDays(200), null);
    long version = Api.as("rep.zhang").get("/api/v1/goods/" + soon).jsonPath().getLong("version");
    assertTrue(warrantyJob.run(TODAY) >= 1);
    JsonPath told = Api.as("rep.zhang").get("/api/v1/goods/" + soon).jsonPath();
    assertEquals(version + 1, told.getLong("version"));
    assertTrue(told.getString("warrantyWarnedAt") != null);
    Api.as("rep.zhang")
        .get("/api/v1/goods/" + soon + "/history")
        .then()
        .body("data[0].action", equalTo("warranty-ending"));
    Api.as("rep.zhang")
        .get("/api/v1/goods/" + later)
        .then()
        .body("warrantyWarnedAt", equalTo(null));
    List<Map<String, Object>> notes =
        Api.as("rep.zhang")
            .queryParam("limit", 100)
            .get("/api/v1/me/notifications")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    assertTrue(
        notes.stream()
            .anyMatch(
                n -> soon.equals(n.get("recordId")) && "warranty-ending".equals(n.get("kind"))),
        notes.toString());
    // Once: a second run leaves it alone.
    warrantyJob.run(TODAY);
    assertEquals(
        version + 1,
        Api.as("rep.zhang").get("/api/v1/goods/" + soon).jsonPath().getLong("version"));
  }
}
