package dev.headlesscrm.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.sales.SalesChainTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
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
 * Packing lists (装箱单, issue 15 point 7): for a repair (its parts copied) or a sales order (its
 * lines), the customer taken from it, serial numbers checked against quantities, and the status
 * machine moved only by its actions (shipping needs a tracking number).
 */
@QuarkusTest
class PackingListTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject AgroalDataSource db;

  static final String ADDRESS = "上海市浦东新区世纪大道 100 号";

  /** A repair with two parts (the first with a serial number), visiting {@link #ADDRESS}. */
  static Response repairWithParts(String fuser, String roller) {
    String customer = SalesChainTest.customer("rep.zhang");
    String request = RepairTest.request(customer, null);
    Map<String, Object> body = new HashMap<>();
    body.put("serviceRequestId", request);
    body.put("visitAddress", ADDRESS);
    body.put(
        "parts",
        List.of(
            Map.of("productId", fuser, "quantity", 1, "serialNumber", "FU-001"),
            Map.of("productId", roller, "quantity", 2)));
    Response r = RepairTest.create(body);
    r.then().statusCode(201);
    return r;
  }

  static Response create(Map<String, Object> body) {
    return Api.as("agent.sun").body(body).post("/api/v1/packing-lists");
  }

  static Response act(String id, String action, Object body) {
    var r = Api.as("agent.sun");
    if (body != null) {
      r.body(body);
    }
    return r.post("/api/v1/packing-lists/" + id + "/" + action);
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
  void aPackingListForARepairTakesItsPartsCustomerAndAddress() {
    String fuser = RepairTest.product(300);
    String roller = RepairTest.product(20);
    Response repair = repairWithParts(fuser, roller);
    String repairId = repair.jsonPath().getString("id");
    create(Map.of("repairId", repairId))
        .then()
        .statusCode(201)
        .body("number", startsWith("ZX"))
        .body("status", equalTo("DRAFT"))
        .body("direction", equalTo("OUTBOUND"))
        .body("customerId", equalTo(repair.jsonPath().getString("customerId")))
        .body("shipToAddress", equalTo(ADDRESS))
        .body("lines.size()", equalTo(2))
        .body("lines[0].productId", equalTo(fuser))
        .body("lines[0].serialNumbers", equalTo(List.of("FU-001")))
        .body("lines[1].productId", equalTo(roller))
        .body("lines[1].quantity", equalTo(2))
        .body("lines[1].serialNumbers", equalTo(List.of()));
    // A return from the customer: the address is where it comes from; lines given are kept.
    String back =
        create(
                Map.of(
                    "repairId",
                    repairId,
                    "direction",
                    "RETURN",
                    "lines",
                    List.of(
                        Map.of(
                            "productId", fuser, "quantity", 1, "serialNumbers", List.of("OLD-9")))))
            .then()
            .statusCode(201)
            .body("shipFromAddress", equalTo(ADDRESS))
            .body("shipToAddress", nullValue())
            .body("lines.size()", equalTo(1))
            .body("lines[0].serialNumbers", equalTo(List.of("OLD-9")))
            .extract()
            .path("id");
    Api.as("agent.sun")
        .body(
            Map.of(
                "query", "{ repair(id: \"" + repairId + "\") { packingLists { id direction } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.repair.packingLists.id", hasItem(back))
        .body("data.repair.packingLists.size()", equalTo(2));
  }

  @Test
  void aPackingListIsPackedShippedWithATrackingNumberDeliveredAndMayComeBack() throws Exception {
    Response repair = repairWithParts(RepairTest.product(300), RepairTest.product(20));
    String id =
        create(Map.of("repairId", repair.jsonPath().getString("id")))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    act(id, "ship", Map.of("trackingNumber", "SF1")).then().statusCode(409);
    act(id, "deliver", null).then().statusCode(409);
    act(id, "pack", null)
        .then()
        .statusCode(200)
        .body("status", equalTo("PACKED"))
        .body("packedAt", notNullValue())
        .body("version", equalTo(1));
    act(id, "pack", null).then().statusCode(409);
    // Packed: the lines are fixed, the carrier may still be set.
    Api.as("agent.sun")
        .contentType("application/merge-patch+json")
        .body(Map.of("lines", List.of()))
        .patch("/api/v1/packing-lists/" + id)
        .then()
        .statusCode(409);
    Api.as("agent.sun")
        .contentType("application/merge-patch+json")
        .body(Map.of("carrier", "顺丰速运"))
        .patch("/api/v1/packing-lists/" + id)
        .then()
        .statusCode(200)
        .body("carrier", equalTo("顺丰速运"))
        .body("lines.size()", equalTo(2));
    act(id, "ship", Map.of())
        .then()
        .statusCode(422)
        .body("errors.field", equalTo(List.of("trackingNumber")));
    act(id, "ship", Map.of("trackingNumber", "SF1234567890"))
        .then()
        .statusCode(200)
        .body("status", equalTo("SHIPPED"))
        .body("carrier", equalTo("顺丰速运"))
        .body("trackingNumber", equalTo("SF1234567890"))
        .body("shippedAt", notNullValue());
    Api.as("agent.sun")
        .contentType("application/merge-patch+json")
        .body(Map.of("notes", "改"))
        .patch("/api/v1/packing-lists/" + id)
        .then()
        .statusCode(409);
    Api.as("agent.sun")
        .body(
            Map.of(
                "query",
                "mutation { deliverPackingList(id: \"" + id + "\") { status deliveredAt } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.deliverPackingList.status", equalTo("DELIVERED"));
    act(id, "deliver", null).then().statusCode(409);
    act(id, "return", null)
        .then()
        .statusCode(200)
        .body("status", equalTo("RETURNED"))
        .body("returnedAt", notNullValue())
        .body("version", equalTo(5));
    act(id, "return", null).then().statusCode(409);
    Api.as("agent.sun")
        .get("/api/v1/packing-lists/" + id + "/history?limit=20")
        .then()
        .body(
            "data.action",
            equalTo(List.of("returned", "delivered", "shipped", "updated", "packed", "created")));
    for (String type : List.of("packed", "shipped", "delivered", "returned")) {
      assertEquals(1, events(id, "packing-list." + type), type);
    }
  }

  @Test
  void linesSourcesAndReferencesAreChecked() {
    String fuser = RepairTest.product(300);
    String repairId = repairWithParts(fuser, RepairTest.product(20)).jsonPath().getString("id");
    create(
            Map.of(
                "repairId",
                repairId,
                "lines",
                List.of(
                    Map.of(
                        "productId",
                        fuser,
                        "quantity",
                        2,
                        "serialNumbers",
                        List.of("A-1", "A-2", "A-3")))))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("lines[0].serialNumbers"))
        .body("errors[0].code", equalTo("exceeds-quantity"));
    create(
            Map.of(
                "repairId",
                repairId,
                "lines",
                List.of(
                    Map.of("productId", fuser, "quantity", 1, "serialNumbers", List.of("A-1")),
                    Map.of("productId", fuser, "quantity", 1, "serialNumbers", List.of("A-1")))))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("lines[1].serialNumbers"));
    create(Map.of()).then().statusCode(422).body("errors[0].field", equalTo("repairId"));
    create(Map.of("repairId", UUID.randomUUID().toString()))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("repairId"));
    create(Map.of("repairId", repairId, "orderId", UUID.randomUUID().toString()))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("orderId"));
    create(
            Map.of(
                "repairId",
                repairId,
                "lines",
                List.of(Map.of("productId", UUID.randomUUID().toString(), "quantity", 1))))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("lines[0].productId"));
    // A repair without parts gives an empty list: nothing to pack.
    String bare =
        RepairTest.create(
                Map.of(
                    "serviceRequestId",
                    RepairTest.request(SalesChainTest.customer("rep.zhang"), null)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String empty =
        create(Map.of("repairId", bare))
            .then()
            .statusCode(201)
            .body("lines.size()", equalTo(0))
            .extract()
            .path("id");
    act(empty, "pack", null).then().statusCode(422).body("errors[0].field", equalTo("lines"));
  }

  @Test
  void aPackingListForASalesOrderTakesItsProductLines() {
    String customer = SalesChainTest.customer("rep.zhang");
    String product = RepairTest.product(1000);
    String order =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "customerId",
                    customer,
                    "shippingAddress",
                    "北京市海淀区中关村大街 1 号",
                    "lines",
                    List.of(
                        Map.of("productId", product, "description", "打印机", "quantity", 3),
                        Map.of("description", "安装服务", "quantity", 1, "unitPrice", 200))))
            .post("/api/v1/sales-orders")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("admin.li")
        .body(Map.of("orderId", order))
        .post("/api/v1/packing-lists")
        .then()
        .statusCode(201)
        .body("customerId", equalTo(customer))
        .body("repairId", nullValue())
        .body("shipToAddress", equalTo("北京市海淀区中关村大街 1 号"))
        .body("lines.size()", equalTo(1))
        .body("lines[0].description", equalTo("打印机"))
        .body("lines[0].quantity", equalTo(3));
  }
}
