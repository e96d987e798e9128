package dev.headlesscrm.platform.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** recordHistory, the GraphQL twin of every /{id}/history: same entries, same visibility rules. */
@QuarkusTest
class HistoryGraphQlTest {

  private static final String QUERY =
      "query($r: String!, $id: ID!) { recordHistory(resource: $r, id: $id, first: 10) {"
          + " hasMore entries { action version changes { field old new } } } }";

  @Test
  void aCustomersHistoryReadsAsOverRestAndOnlyForThoseWhoSeeIt() {
    String name = "历史客户" + UUID.randomUUID().toString().substring(0, 6);
    String id =
        Api.as("rep.zhang")
            .body(Map.of("name", name))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .body(Map.of("city", "杭州"))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(200);

    Api.as("rep.zhang")
        .body(Map.of("query", QUERY, "variables", Map.of("r", "customer", "id", id)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.recordHistory.entries.action", equalTo(java.util.List.of("updated", "created")))
        .body("data.recordHistory.entries[0].version", equalTo(1))
        .body("data.recordHistory.entries[0].changes.field", hasItem("city"))
        .body(
            "data.recordHistory.entries[0].changes.find { it.field == 'city' }.new",
            equalTo("\"杭州\""))
        .body("data.recordHistory.entries[0].changes.find { it.field == 'city' }.old", nullValue())
        .body("data.recordHistory.hasMore", equalTo(false));

    // Outside rep.chen's data scope the record does not exist, as over REST.
    Api.as("rep.chen").get("/api/v1/customers/" + id + "/history").then().statusCode(404);
    Api.as("rep.chen")
        .body(Map.of("query", QUERY, "variables", Map.of("r", "customer", "id", id)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("not-found"))
        .body("data.recordHistory", nullValue());
    Api.as("rep.zhang")
        .body(Map.of("query", QUERY, "variables", Map.of("r", "no-such-thing", "id", id)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("not-found"));
  }
}
