package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /customers/batch: per-item results, atomic mode, upserts by external id. */
@QuarkusTest
class CustomerBatchTest {

  static Map<String, Object> upsert(String externalId, String name) {
    Map<String, Object> op = new HashMap<>();
    op.put("op", "upsert");
    op.put("externalId", externalId);
    op.put("data", Map.of("name", name, "city", "苏州"));
    return op;
  }

  @Test
  void thousandUpsertsTwiceGiveTheSameCustomers() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, Object>> ops = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ops.add(upsert("B-" + run + "-" + i, "批量客户" + i));
    }
    Response first =
        Api.asIntegration().body(Map.of("operations", ops)).post("/api/v1/customers/batch");
    first.then().statusCode(200).body("results.status", everyItem(equalTo(201)));
    Response second =
        Api.asIntegration().body(Map.of("operations", ops)).post("/api/v1/customers/batch");
    second.then().statusCode(200).body("results.status", everyItem(equalTo(200)));
    assertEquals(first.jsonPath().getList("results.id"), second.jsonPath().getList("results.id"));
    int total =
        Api.asIntegration()
            .queryParam("filter", "externalId=like=B-" + run)
            .queryParam("count", true)
            .queryParam("limit", 1)
            .get("/api/v1/customers")
            .path("page.total");
    assertEquals(1000, total);
  }

  @Test
  void itemsFailAloneUnlessAtomic() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> bad = new HashMap<>();
    bad.put("op", "create");
    bad.put("data", Map.of("name", "", "email", "not-an-email"));
    List<Map<String, Object>> ops =
        List.of(upsert("A-" + run + "-1", "原子一"), bad, upsert("A-" + run + "-2", "原子二"));
    Api.asIntegration()
        .body(Map.of("operations", ops))
        .post("/api/v1/customers/batch")
        .then()
        .statusCode(200)
        .body("results.status", equalTo(List.of(201, 422, 201)))
        .body("results[1].problem.errors.size()", equalTo(2));

    String run2 = UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, Object>> atomic =
        List.of(upsert("C-" + run2 + "-1", "原子三"), bad, upsert("C-" + run2 + "-2", "原子四"));
    Api.asIntegration()
        .body(Map.of("atomic", true, "operations", atomic))
        .post("/api/v1/customers/batch")
        .then()
        .statusCode(200)
        .body("results.status", equalTo(List.of(424, 422, 424)));
    Api.asIntegration()
        .get("/api/v1/customers?filter=externalId=like=C-" + run2)
        .then()
        .body("data.size()", equalTo(0));
  }

  @Test
  void updatesAndDeletesObeyIfMatchAndPermissions() {
    String id = Customers.createId("批量更新");
    Map<String, Object> update = new HashMap<>();
    update.put("op", "update");
    update.put("id", id);
    update.put("ifMatch", "5");
    update.put("data", Map.of("city", "西安"));
    Map<String, Object> delete = new HashMap<>();
    delete.put("op", "delete");
    delete.put("id", id);
    Api.as("rep.zhang")
        .body(Map.of("operations", List.of(update, delete)))
        .post("/api/v1/customers/batch")
        .then()
        .body("results.status", equalTo(List.of(412, 204)));
    Api.as("analyst.liu")
        .body(Map.of("operations", List.of(upsert("X-" + UUID.randomUUID(), "分析师"))))
        .post("/api/v1/customers/batch")
        .then()
        .body("results[0].status", equalTo(403));
    Api.as("rep.zhang")
        .body(Map.of("operations", List.of()))
        .post("/api/v1/customers/batch")
        .then()
        .statusCode(422);
  }
}
