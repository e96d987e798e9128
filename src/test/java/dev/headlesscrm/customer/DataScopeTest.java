package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 数据权限: a sales rep sees only their own customers, their manager sees the team's (in two
 * departments), analysts and integrations see all; what is outside the scope is 404, never 403.
 */
@QuarkusTest
class DataScopeTest {

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  @Test
  void repsSeeTheirOwnManagersTheirTeamsAnalystsAll() {
    long head = events.head();
    String marker = "scope-" + UUID.randomUUID().toString().substring(0, 6);
    String zhangs =
        Api.as("rep.zhang")
            .body(Map.of("name", "张的客户" + marker, "tags", List.of(marker)))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String chens =
        Api.as("rep.chen")
            .body(Map.of("name", "陈的客户" + marker, "tags", List.of(marker)))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String filter = "tags==" + marker;

    Api.as("rep.chen")
        .get("/api/v1/customers?filter=" + filter)
        .then()
        .body("data.id", equalTo(List.of(chens)));
    Api.as("rep.chen").get("/api/v1/customers/" + zhangs).then().statusCode(404);
    Api.as("rep.chen")
        .body(Map.of("city", "x"))
        .patch("/api/v1/customers/" + zhangs)
        .then()
        .statusCode(404);
    Api.as("rep.chen").get("/api/v1/customers/" + zhangs + "/history").then().statusCode(404);
    Api.as("rep.chen")
        .body(Map.of("customerId", zhangs, "name", "偷偷加的联系人"))
        .post("/api/v1/contacts")
        .then()
        .statusCode(422);
    Api.as("rep.chen")
        .body(Map.of("name", "张的客户" + marker))
        .post("/api/v1/customers/duplicates")
        .then()
        .body("data.id", not(hasItem(zhangs)));
    String csv =
        Api.as("rep.chen")
            .queryParam("format", "csv")
            .queryParam("filter", filter)
            .get("/api/v1/customers/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    org.junit.jupiter.api.Assertions.assertFalse(csv.contains(zhangs), "export keeps to the scope");
    Api.as("rep.chen")
        .body(Map.of("query", "{ customer(id: \"" + zhangs + "\") { name } }"))
        .post("/graphql")
        .then()
        .body("data.customer", nullValue())
        .body("errors[0].extensions.code", equalTo("not-found"));

    // manager.wang supervises zhang (华东) and chen (华北).
    Api.as("manager.wang")
        .get("/api/v1/customers?count=true&filter=" + filter)
        .then()
        .body("page.total", equalTo(2));
    Api.as("analyst.liu")
        .get("/api/v1/customers?count=true&filter=" + filter)
        .then()
        .body("page.total", equalTo(2));
    Api.asIntegration()
        .get("/api/v1/customers?count=true&filter=" + filter)
        .then()
        .body("page.total", equalTo(2));

    publisher.publishPending();
    Api.as("rep.chen")
        .get("/api/v1/events?types=customer.*&limit=1000&after=" + head)
        .then()
        .statusCode(200)
        .body("data.resourceId", hasItem(chens))
        .body("data.resourceId", not(hasItem(zhangs)));
    Api.as("analyst.liu")
        .get("/api/v1/events?types=customer.*&limit=1000&after=" + head)
        .then()
        .body("data.resourceId", hasItem(zhangs));
  }

  @Test
  void administratorsChangeARolesScopeAndTheNextRequestObeys() {
    String marker = "scope2-" + UUID.randomUUID().toString().substring(0, 6);
    Api.as("rep.zhang")
        .body(Map.of("name", "张的客户" + marker, "tags", List.of(marker)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
    String filter = "tags==" + marker;
    Api.as("marketing.zhao")
        .get("/api/v1/customers?count=true&filter=" + filter)
        .then()
        .body("page.total", equalTo(1));
    try {
      Api.asAdmin()
          .body(Map.of("scope", "SELF"))
          .put("/api/v1/roles/marketing/scope")
          .then()
          .statusCode(200)
          .body("scope", equalTo("SELF"));
      Api.as("marketing.zhao")
          .get("/api/v1/customers?count=true&filter=" + filter)
          .then()
          .body("page.total", equalTo(0));
    } finally {
      Api.asAdmin()
          .body(Map.of("scope", "ALL"))
          .put("/api/v1/roles/marketing/scope")
          .then()
          .statusCode(200);
    }
    Api.as("rep.zhang")
        .body(Map.of("scope", "ALL"))
        .put("/api/v1/roles/sales-rep/scope")
        .then()
        .statusCode(403);
    Api.asAdmin()
        .body(Map.of("scope", "EVERYTHING"))
        .put("/api/v1/roles/sales-rep/scope")
        .then()
        .statusCode(422);
  }

  @Test
  void filtersThroughARelationDoNotProbeRecordsOutsideTheScope() {
    String name = "陈的秘密客户" + UUID.randomUUID().toString().substring(0, 6);
    String chens =
        Api.asAdmin()
            .body(Map.of("name", name, "ownerId", "0193a000-0000-7000-8000-0000000000e4"))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // A contact of chen's customer that zhang owns: zhang sees the contact, not the customer.
    String contact =
        Api.asAdmin()
            .body(
                Map.of(
                    "customerId", chens,
                    "name", "张负责的联系人",
                    "ownerId", "0193a000-0000-7000-8000-0000000000e3"))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang").get("/api/v1/contacts/" + contact).then().statusCode(200);
    Api.as("rep.zhang")
        .get("/api/v1/contacts?filter=id==" + contact)
        .then()
        .body("data.id", equalTo(List.of(contact)));
    Api.as("rep.zhang")
        .queryParam("filter", "id==" + contact + ";customer.name==" + name)
        .get("/api/v1/contacts")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
    Api.as("manager.wang")
        .queryParam("filter", "id==" + contact + ";customer.name==" + name)
        .get("/api/v1/contacts")
        .then()
        .body("data.id", equalTo(List.of(contact)));
  }
}
