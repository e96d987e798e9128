package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The notification inbox (issue 13): a transfer, a share and a task given to someone tell them, in
 * their inbox only; unread counts, mark read through the version, and the events only the recipient
 * sees.
 */
@QuarkusTest
class NotificationTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";
  static final String CHEN = "0193a000-0000-7000-8000-0000000000e4";

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  static List<Map<String, Object>> inbox(String user, String kind, String recordId) {
    List<Map<String, Object>> all =
        Api.as(user)
            .queryParam("kind", kind)
            .queryParam("limit", 500)
            .get("/api/v1/me/notifications")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    return all.stream().filter(n -> recordId.equals(n.get("recordId"))).toList();
  }

  static long unread(String user) {
    return Api.as(user)
        .get("/api/v1/me/notifications/unread-count")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("unread");
  }

  @Test
  void transfersSharesAndTasksTellTheirRecipientAndNobodyElse() {
    long head = events.head();
    String name = "通知客户 " + System.nanoTime();
    String transferred = Customers.createId(name);
    long chenBefore = unread("rep.chen");

    Api.as("rep.zhang")
        .body(Map.of("ownerId", CHEN))
        .post("/api/v1/customers/" + transferred + "/transfer")
        .then()
        .statusCode(200);
    List<Map<String, Object>> told = inbox("rep.chen", "record-transferred", transferred);
    assertEquals(1, told.size());
    Map<String, Object> n = told.get(0);
    assertEquals("customer", n.get("resource"));
    assertEquals(CHEN, n.get("recipientId"));
    assertTrue(((String) n.get("titleZh")).contains(name));
    assertEquals(ZHANG, ((Map<?, ?>) n.get("data")).get("by"));
    assertTrue(inbox("rep.zhang", "record-transferred", transferred).isEmpty(), "not the giver");

    String shared = Customers.createId("共享通知 " + System.nanoTime());
    Api.as("rep.zhang")
        .body(Map.of("employeeId", CHEN, "access", "READ"))
        .post("/api/v1/customers/" + shared + "/team")
        .then()
        .statusCode(200);
    assertEquals(1, inbox("rep.chen", "record-shared", shared).size());
    // Changing the membership is not a new share.
    Api.as("rep.zhang")
        .body(Map.of("employeeId", CHEN, "access", "READ_WRITE"))
        .post("/api/v1/customers/" + shared + "/team")
        .then()
        .statusCode(200);
    assertEquals(1, inbox("rep.chen", "record-shared", shared).size());

    String task =
        Api.as("manager.wang")
            .body(Map.of("subject", "回访 " + name, "ownerId", CHEN))
            .post("/api/v1/tasks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertEquals(1, inbox("rep.chen", "task-assigned", task).size());
    String own =
        Api.as("rep.chen")
            .body(Map.of("subject", "自己的待办"))
            .post("/api/v1/tasks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertTrue(inbox("rep.chen", "task-assigned", own).isEmpty(), "one's own task tells nobody");
    assertEquals(chenBefore + 3, unread("rep.chen"));

    // Read one: through its version; a second time is a 409; the count drops.
    String id = (String) n.get("id");
    int version = ((Number) n.get("version")).intValue();
    Api.as("rep.zhang").post("/api/v1/me/notifications/" + id + "/read").then().statusCode(404);
    Api.as("rep.chen")
        .post("/api/v1/me/notifications/" + id + "/read")
        .then()
        .statusCode(200)
        .body("readAt", notNullValue())
        .body("version", equalTo(version + 1));
    Api.as("rep.chen")
        .post("/api/v1/me/notifications/" + id + "/read")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertEquals(chenBefore + 2, unread("rep.chen"));
    Api.as("rep.chen")
        .queryParam("unread", true)
        .queryParam("limit", 500)
        .get("/api/v1/me/notifications")
        .then()
        .statusCode(200)
        .body("data.id", not(hasItem(id)));
    Api.as("rep.chen")
        .queryParam("kind", "task-assigned")
        .post("/api/v1/me/notifications/read-all")
        .then()
        .statusCode(200)
        .body("marked", equalTo(1));
    Api.as("rep.chen")
        .get("/api/v1/me/notifications/unread-count")
        .then()
        .body("byKind.task-assigned", nullValue());

    // Every notification is an event; only its recipient sees it in the feed.
    publisher.publishPending();
    Api.as("rep.chen")
        .get("/api/v1/events?types=notification.*&limit=1000&after=" + head)
        .then()
        .statusCode(200)
        .body("data.resourceId", hasItem(id));
    Api.as("manager.wang")
        .get("/api/v1/events?types=notification.*&limit=1000&after=" + head)
        .then()
        .statusCode(200)
        .body("data.resourceId", not(hasItem(id)));

    // The same inbox over GraphQL.
    Api.as("rep.chen")
        .body(
            Map.of(
                "query",
                "{ myUnreadNotifications { unread }"
                    + " myNotifications(kind: \"record-shared\", first: 50)"
                    + " { edges { node { id kind recordId titleEn } } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.myNotifications.edges.node.recordId", hasItem(shared))
        .body("data.myNotifications.edges.node.titleEn", hasItem(containsString("shared")));
  }
}
