package dev.headlesscrm.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Departments record their changes: history per record, events in the feed. */
@QuarkusTest
class DepartmentHistoryTest {

  static final String ADMIN_LI = "0193a000-0000-7000-8000-0000000000e1";

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  @Test
  void createUpdateAndDeleteAppearInHistoryAndInTheFeed() {
    publisher.publishPending();
    long before = events.head();
    String code = Api.uniqueCode("H");
    String id = DepartmentResourceTest.create(code, null);
    Api.asAdmin()
        .contentType("application/merge-patch+json; charset=UTF-8")
        .body(Map.of("name", "华东大区", "sortOrder", 3))
        .patch("/api/v1/departments/" + id)
        .then()
        .statusCode(200);
    Api.asAdmin()
        .contentType("application/merge-patch+json; charset=UTF-8")
        .body(Map.of("name", "华东大区"))
        .patch("/api/v1/departments/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(1));

    Api.as("rep.zhang")
        .get("/api/v1/departments/" + id + "/history")
        .then()
        .statusCode(200)
        .body("data", hasSize(2))
        .body("data[0].action", equalTo("updated"))
        .body("data[0].version", equalTo(1))
        .body("data[0].actor", equalTo(ADMIN_LI))
        .body("data[0].changes.name.old", equalTo("部门 " + code))
        .body("data[0].changes.name.new", equalTo("华东大区"))
        .body("data[0].changes.sortOrder.old", equalTo(0))
        .body("data[0].changes.sortOrder.new", equalTo(3))
        .body("data[0].changes.size()", equalTo(2))
        .body("data[1].action", equalTo("created"))
        .body("data[1].version", equalTo(0))
        .body("data[1].changes.code.old", nullValue())
        .body("data[1].changes.code.new", equalTo(code))
        .body("data[1].changes.kind.new", equalTo("OFFICE"))
        .body("page.hasMore", equalTo(false));

    Api.asAdmin().delete("/api/v1/departments/" + id).then().statusCode(204);
    Api.as("rep.zhang").get("/api/v1/departments/" + id + "/history").then().statusCode(404);

    publisher.publishPending();
    JsonPath feed =
        Api.as("rep.zhang")
            .get("/api/v1/events?types=department.*&limit=1000&after=" + before)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> mine =
        feed.<Map<String, Object>>getList("data").stream()
            .filter(e -> id.equals(e.get("resourceId")))
            .toList();
    assertEquals(
        List.of("department.created", "department.updated", "department.deleted"),
        mine.stream().map(e -> e.get("type")).toList(),
        "the no-op patch added no event");
    assertEquals(List.of(0, 1, 2), mine.stream().map(e -> e.get("version")).toList());
    mine.forEach(e -> assertEquals(ADMIN_LI, e.get("actor")));
    @SuppressWarnings("unchecked")
    Map<String, Object> updatedData = (Map<String, Object>) mine.get(1).get("data");
    assertEquals("华东大区", updatedData.get("name"));
    assertEquals(1, updatedData.get("version"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> deletedChanges =
        (Map<String, Map<String, Object>>) mine.get(2).get("changes");
    assertEquals(null, deletedChanges.get("deletedAt").get("old"));
    assertEquals(String.class, deletedChanges.get("deletedAt").get("new").getClass());
  }

  @Test
  void historyOfAnUnknownDepartmentIs404() {
    Api.as("rep.zhang")
        .get("/api/v1/departments/0193a000-0000-7000-8000-00000000dead/history")
        .then()
        .statusCode(404)
        .body("type", equalTo("/problems/not-found"));
  }
}
