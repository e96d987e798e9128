package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every change of a customer is in its history (who, when, old → new) and in the change feed, in
 * commit order; a retried write with the same Idempotency-Key makes one record.
 */
@QuarkusTest
class CustomerChangeLogTest {

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  @Test
  void historyAndFeedShowEveryChangeInOrder() {
    long head = events.head();
    String id = Customers.create(Map.of("name", "变更日志公司", "level", "B")).path("id");
    Api.as("rep.zhang")
        .body(Map.of("level", "A", "city", "南京"))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(200);
    Api.as("manager.wang")
        .body(Map.of("city", "无锡"))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(200);
    Api.as("rep.zhang").delete("/api/v1/customers/" + id).then().statusCode(204);
    Api.as("rep.zhang").post("/api/v1/customers/" + id + "/restore").then().statusCode(200);

    Response history = Api.as("analyst.liu").get("/api/v1/customers/" + id + "/history");
    history
        .then()
        .statusCode(200)
        .body(
            "data.action", equalTo(List.of("restored", "deleted", "updated", "updated", "created")))
        .body("data[2].changes.city.old", equalTo("南京"))
        .body("data[2].changes.city.new", equalTo("无锡"))
        .body("data[2].actor", equalTo("0193a000-0000-7000-8000-0000000000e2"))
        .body("data[3].changes.level.old", equalTo("B"))
        .body("data[3].changes.level.new", equalTo("A"))
        .body("data[4].changes.name.new", equalTo("变更日志公司"));

    publisher.publishPending();
    List<Map<String, Object>> mine = new ArrayList<>();
    long after = head;
    boolean more = true;
    while (more) {
      Response page =
          Api.asIntegration()
              .queryParam("after", after)
              .queryParam("types", "customer.*")
              .queryParam("limit", 1000)
              .get("/api/v1/events");
      page.then().statusCode(200);
      for (Map<String, Object> e : page.jsonPath().<Map<String, Object>>getList("data")) {
        if (id.equals(e.get("resourceId"))) {
          mine.add(e);
        }
      }
      after = ((Number) page.path("page.nextAfter")).longValue();
      more = page.path("page.hasMore");
    }
    assertEquals(
        List.of(
            "customer.created",
            "customer.updated",
            "customer.updated",
            "customer.deleted",
            "customer.restored"),
        mine.stream().map(e -> e.get("type")).toList());
    for (int i = 1; i < mine.size(); i++) {
      long prev = ((Number) mine.get(i - 1).get("sequence")).longValue();
      long next = ((Number) mine.get(i).get("sequence")).longValue();
      assertTrue(prev < next, "sequence grows in commit order");
      assertTrue(
          ((Number) mine.get(i - 1).get("version")).longValue()
              < ((Number) mine.get(i).get("version")).longValue(),
          "versions grow with the sequence");
    }
  }

  @Test
  void sameIdempotencyKeyMakesOneCustomer() {
    String key = "create-" + UUID.randomUUID();
    Map<String, Object> body = Map.of("name", "幂等客户" + key.substring(7, 15));
    Response first =
        Api.asIntegration().header("Idempotency-Key", key).body(body).post("/api/v1/customers");
    first.then().statusCode(201);
    Response retry =
        Api.asIntegration().header("Idempotency-Key", key).body(body).post("/api/v1/customers");
    retry
        .then()
        .statusCode(201)
        .header("Idempotency-Replayed", "true")
        .header("Location", first.header("Location"))
        .body("id", equalTo(first.path("id")));
    int count =
        Api.asIntegration()
            .queryParam("filter", "name==" + body.get("name"))
            .queryParam("count", true)
            .get("/api/v1/customers")
            .path("page.total");
    assertEquals(1, count);
    Api.asIntegration()
        .header("Idempotency-Key", key)
        .body(Map.of("name", "另一个请求体"))
        .post("/api/v1/customers")
        .then()
        .statusCode(422);
  }
}
