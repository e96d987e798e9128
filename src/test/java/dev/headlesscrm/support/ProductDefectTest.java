package dev.headlesscrm.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.headlesscrm.catalogue.Products;
import dev.headlesscrm.sales.SalesChainTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Product defects (产品缺陷, issue 15 point 9): the status machine, and the service requests linked to
 * a defect counted on it through its version as they link, unlink, go and come back.
 */
@QuarkusTest
class ProductDefectTest {

  static String defect(String product) {
    return Api.as("agent.sun")
        .body(
            Map.of(
                "productId",
                product,
                "productVersion",
                "3.2.1",
                "title",
                "高温卡纸",
                "severity",
                "HIGH"))
        .post("/api/v1/product-defects")
        .then()
        .statusCode(201)
        .body("status", equalTo("REPORTED"))
        .body("number", startsWith("QX"))
        .body("occurrenceCount", equalTo(0))
        .extract()
        .path("id");
  }

  static void act(String id, String action, Object body, int status) {
    var r = Api.as("agent.sun");
    if (body != null) {
      r.body(body);
    }
    r.post("/api/v1/product-defects/" + id + "/" + action).then().statusCode(status);
  }

  static int occurrences(String id) {
    return Api.as("agent.sun")
        .get("/api/v1/product-defects/" + id)
        .jsonPath()
        .getInt("occurrenceCount");
  }

  @Test
  void aDefectIsConfirmedFixedClosedAndMayComeBack() {
    String id =
        defect(
            Products.create(Products.product(Api.uniqueCode("DEF"), "打印机"))
                .jsonPath()
                .getString("id"));
    act(id, "start-fix", null, 409);
    act(id, "confirm", null, 200);
    act(id, "start-fix", null, 200);
    Api.as("agent.sun")
        .body(Map.of("fixedInVersion", "3.2.2"))
        .post("/api/v1/product-defects/" + id + "/mark-fixed")
        .then()
        .statusCode(200)
        .body("status", equalTo("FIXED"))
        .body("fixedInVersion", equalTo("3.2.2"))
        .body("fixedAt", notNullValue());
    act(id, "close", null, 200);
    act(id, "close", null, 409);
    Api.as("agent.sun")
        .post("/api/v1/product-defects/" + id + "/confirm")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONFIRMED"))
        .body("fixedInVersion", nullValue());
    Api.as("agent.sun")
        .get("/api/v1/product-defects/" + id + "/history?limit=20")
        .then()
        .body(
            "data.action",
            equalTo(
                List.of("confirmed", "closed", "fixed", "fix-started", "confirmed", "created")));
    // Reps report through service, not here.
    Api.as("rep.zhang")
        .body(
            Map.of(
                "productId",
                Products.create(Products.product(Api.uniqueCode("DEF"), "x"))
                    .jsonPath()
                    .getString("id"),
                "title",
                "x"))
        .post("/api/v1/product-defects")
        .then()
        .statusCode(403);
  }

  @Test
  void linkedRequestsAreCountedAsTheyComeAndGo() {
    String id =
        defect(
            Products.create(Products.product(Api.uniqueCode("DEF"), "打印机"))
                .jsonPath()
                .getString("id"));
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", SalesChainTest.customer("rep.zhang"));
    body.put("channel", "PHONE");
    body.put("type", "REPAIR");
    body.put("subject", "又卡纸");
    body.put("defectId", id);
    body.put("ownerId", "0193a000-0000-7000-8000-0000000000e7");
    String first =
        Api.as("admin.li")
            .body(body)
            .post("/api/v1/service-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String second =
        Api.as("admin.li")
            .body(body)
            .post("/api/v1/service-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    org.junit.jupiter.api.Assertions.assertEquals(2, occurrences(id));
    Api.as("agent.sun")
        .get("/api/v1/service-requests?filter=defectId==" + id)
        .then()
        .body("data.id", hasItem(first))
        .body("data.size()", equalTo(2));
    Api.as("agent.sun")
        .get("/api/v1/product-defects/" + id + "/history")
        .then()
        .body("data.action", hasItem("occurrences-counted"));
    // Unlinked: one left. Deleted: none. Restored: one again.
    Map<String, Object> unlink = new HashMap<>();
    unlink.put("defectId", null);
    Api.as("agent.sun")
        .body(unlink)
        .patch("/api/v1/service-requests/" + first)
        .then()
        .statusCode(200);
    org.junit.jupiter.api.Assertions.assertEquals(1, occurrences(id));
    Api.as("admin.li").delete("/api/v1/service-requests/" + second).then().statusCode(204);
    org.junit.jupiter.api.Assertions.assertEquals(0, occurrences(id));
    Api.as("admin.li")
        .post("/api/v1/service-requests/" + second + "/restore")
        .then()
        .statusCode(200);
    org.junit.jupiter.api.Assertions.assertEquals(1, occurrences(id));
    // A defect that does not exist cannot be linked.
    body.put("defectId", "0193a000-0000-7000-8000-00000000dead");
    Api.as("admin.li")
        .body(body)
        .post("/api/v1/service-requests")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("defectId"));
  }
}
