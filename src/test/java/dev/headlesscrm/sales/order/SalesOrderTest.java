package dev.headlesscrm.sales.order;

import static org.hamcrest.Matchers.equalTo;

import dev.headlesscrm.sales.SalesChainTest;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sales orders (销售订单): from a contract, confirmed, delivered line by line, closed. */
@QuarkusTest
class SalesOrderTest {

  @Test
  void anOrderFromAContractIsDeliveredLineByLine() {
    String customer = SalesChainTest.customer("rep.zhang");
    String contract =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "name",
                    "供货合同",
                    "customerId",
                    customer,
                    "lines",
                    List.of(
                        Map.of(
                            "description",
                            "服务器",
                            "quantity",
                            4,
                            "unitPrice",
                            25000,
                            "taxRate",
                            0.13),
                        Map.of("description", "安装", "quantity", 1, "unitPrice", 3000))))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .body("amount", equalTo(116000.00f))
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .post("/api/v1/sales-orders/from-contract/" + contract)
        .then()
        .statusCode(409);
    Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit").then().statusCode(200);
    JsonPath order =
        Api.as("rep.zhang")
            .post("/api/v1/sales-orders/from-contract/" + contract)
            .then()
            .statusCode(201)
            .body("number", org.hamcrest.Matchers.matchesPattern("DD\\d{8}\\d{3,}"))
            .body("status", equalTo("DRAFT"))
            .body("grandTotal", equalTo(116000.00f))
            .body("lines.size()", equalTo(2))
            .extract()
            .jsonPath();
    String id = order.getString("id");
    String servers = order.getString("lines[0].id");
    String install = order.getString("lines[1].id");

    Api.as("rep.zhang")
        .body(Map.of("lines", List.of(Map.of("lineId", servers, "quantity", 1))))
        .post("/api/v1/sales-orders/" + id + "/deliver")
        .then()
        .statusCode(409);
    Api.as("rep.zhang")
        .post("/api/v1/sales-orders/" + id + "/confirm")
        .then()
        .body("status", equalTo("CONFIRMED"));
    Api.as("rep.zhang")
        .body(Map.of("shippingAddress", "改地址"))
        .patch("/api/v1/sales-orders/" + id)
        .then()
        .statusCode(409);
    Api.as("rep.zhang")
        .body(Map.of("lines", List.of(Map.of("lineId", servers, "quantity", 3))))
        .post("/api/v1/sales-orders/" + id + "/deliver")
        .then()
        .statusCode(200)
        .body("status", equalTo("PARTIALLY_DELIVERED"))
        .body("lines[0].deliveredQuantity", equalTo(3));
    Api.as("rep.zhang")
        .body(Map.of("lines", List.of(Map.of("lineId", servers, "quantity", 2))))
        .post("/api/v1/sales-orders/" + id + "/deliver")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("exceeds-ordered"));
    Api.as("rep.zhang").post("/api/v1/sales-orders/" + id + "/cancel").then().statusCode(409);
    Api.as("rep.zhang")
        .body(
            Map.of(
                "lines",
                List.of(
                    Map.of("lineId", servers, "quantity", 1),
                    Map.of("lineId", install, "quantity", 1))))
        .post("/api/v1/sales-orders/" + id + "/deliver")
        .then()
        .statusCode(200)
        .body("status", equalTo("DELIVERED"));
    Api.as("rep.zhang")
        .post("/api/v1/sales-orders/" + id + "/close")
        .then()
        .body("status", equalTo("CLOSED"));
    Api.as("rep.zhang")
        .get("/api/v1/sales-orders/" + id + "/history")
        .then()
        .body(
            "data.action",
            equalTo(List.of("closed", "delivered", "delivered", "confirmed", "created")));
    Api.as("rep.chen").get("/api/v1/sales-orders/" + id).then().statusCode(404);
  }

  @Test
  void theErpUpsertsOrdersByExternalId() {
    String customer = SalesChainTest.customer("rep.zhang");
    String external = "ERP-SO-" + java.util.UUID.randomUUID();
    Map<String, Object> body =
        Map.of(
            "customerId",
            customer,
            "ownerId",
            "0193a000-0000-7000-8000-0000000000e3",
            "lines",
            List.of(Map.of("description", "备件", "quantity", 10, "unitPrice", 12.5)));
    String id =
        Api.asIntegration()
            .body(body)
            .put("/api/v1/sales-orders/external/" + external)
            .then()
            .statusCode(201)
            .body("grandTotal", equalTo(125.00f))
            .extract()
            .path("id");
    Api.asIntegration()
        .body(body)
        .put("/api/v1/sales-orders/external/" + external)
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
  }
}
