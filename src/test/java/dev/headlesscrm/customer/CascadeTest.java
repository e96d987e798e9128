package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What declared relations do on delete, restore and merge is carried out record by record through
 * the record machinery: every cascaded change bumps the version and has its history entry and its
 * event (API.md §4), none is a bulk UPDATE behind the feed's back.
 */
@QuarkusTest
class CascadeTest {

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  @Test
  void deletingACustomerDeletesItsContactsAndARestoreBringsThemBackWithTheirReportingLines() {
    long head = events.head();
    String customer = Customers.createId("级联删除公司");
    String boss = Customers.contact(customer, "上级");
    String report =
        Api.as("rep.zhang")
            .body(Map.of("customerId", customer, "name", "下属", "reportsToId", boss))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String deletedEarlier = Customers.contact(customer, "早已删除");
    Api.as("rep.zhang").delete("/api/v1/contacts/" + deletedEarlier).then().statusCode(204);

    Api.as("rep.zhang").delete("/api/v1/customers/" + customer).then().statusCode(204);
    for (String contact : List.of(boss, report)) {
      Api.as("rep.zhang").get("/api/v1/contacts/" + contact).then().statusCode(404);
      Api.as("rep.zhang")
          .queryParam("includeDeleted", true)
          .get("/api/v1/contacts/" + contact + "/history")
          .then()
          .statusCode(200)
          .body("data[0].action", equalTo("deleted"))
          .body("data[0].version", equalTo(1));
    }

    Api.as("rep.zhang").post("/api/v1/customers/" + customer + "/restore").then().statusCode(200);
    // The contacts deleted with the customer are back, the reporting line intact (siblings are
    // not detached from each other); the one deleted before stays deleted.
    Api.as("rep.zhang")
        .get("/api/v1/contacts/" + report)
        .then()
        .statusCode(200)
        .body("reportsToId", equalTo(boss))
        .body("version", equalTo(2));
    Api.as("rep.zhang").get("/api/v1/contacts/" + boss).then().statusCode(200);
    Api.as("rep.zhang").get("/api/v1/contacts/" + deletedEarlier).then().statusCode(404);
    Api.as("rep.zhang")
        .get("/api/v1/contacts/" + report + "/history")
        .then()
        .body("data.action", equalTo(List.of("restored", "deleted", "created")));

    assertEquals(
        List.of("contact.created", "contact.deleted", "contact.restored"),
        typesOf(contactEvents(head), report));
  }

  @Test
  void deletingAContactDetachesItsReportsWithHistoryAndEvent() {
    long head = events.head();
    String customer = Customers.createId("解除上级公司");
    String boss = Customers.contact(customer, "离职上级");
    String report =
        Api.as("rep.zhang")
            .body(Map.of("customerId", customer, "name", "留下的下属", "reportsToId", boss))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang").delete("/api/v1/contacts/" + boss).then().statusCode(204);
    Api.as("rep.zhang")
        .get("/api/v1/contacts/" + report)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("W/\"1\""))
        .body("reportsToId", nullValue());
    Api.as("rep.zhang")
        .get("/api/v1/contacts/" + report + "/history")
        .then()
        .body("data[0].action", equalTo("updated"))
        .body("data[0].changes.reportsToId.old", equalTo(boss))
        .body("data[0].changes.reportsToId.new", nullValue());
    List<Map<String, Object>> feed = contactEvents(head);
    assertEquals(List.of("contact.created", "contact.updated"), typesOf(feed, report));
  }

  @Test
  void aCustomerWithLiveSubsidiariesCannotBeDeleted() {
    String group = Customers.createId("集团总部");
    String branch =
        Customers.create(Map.of("name", "集团分部", "parentId", group)).then().extract().path("id");
    Api.as("rep.zhang")
        .delete("/api/v1/customers/" + group)
        .then()
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("parentId"));
    Api.as("rep.zhang").get("/api/v1/customers/" + group).then().statusCode(200);
    Api.as("rep.zhang").delete("/api/v1/customers/" + branch).then().statusCode(204);
    Api.as("rep.zhang").delete("/api/v1/customers/" + group).then().statusCode(204);
  }

  @Test
  void aMergeMovesContactsAndSalesDocumentsEachWithItsOwnHistory() {
    String survivor = Customers.createId("合并去向公司");
    String duplicate = Customers.createId("合并来源公司");
    String contact = Customers.contact(duplicate, "随合并移动");
    String opportunity =
        Api.as("rep.zhang")
            .body(Map.of("name", "随合并移动的商机", "customerId", duplicate))
            .post("/api/v1/opportunities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .body(Map.of("mergeIds", List.of(duplicate)))
        .post("/api/v1/customers/" + survivor + "/merge")
        .then()
        .statusCode(200)
        .body("contactsMoved", equalTo(1));
    for (String path :
        List.of("/api/v1/contacts/" + contact, "/api/v1/opportunities/" + opportunity)) {
      Api.as("rep.zhang").get(path).then().statusCode(200).body("customerId", equalTo(survivor));
      Api.as("rep.zhang")
          .get(path + "/history")
          .then()
          .body("data[0].action", equalTo("updated"))
          .body("data[0].changes.customerId.old", equalTo(duplicate))
          .body("data[0].changes.customerId.new", equalTo(survivor));
    }
  }

  private List<Map<String, Object>> contactEvents(long head) {
    publisher.publishPending();
    List<Map<String, Object>> all = new ArrayList<>();
    long after = head;
    boolean more = true;
    while (more) {
      Response page =
          Api.asAdmin()
              .queryParam("after", after)
              .queryParam("types", "contact.*")
              .queryParam("limit", 1000)
              .get("/api/v1/events");
      page.then().statusCode(200);
      all.addAll(page.jsonPath().<Map<String, Object>>getList("data"));
      after = ((Number) page.path("page.nextAfter")).longValue();
      more = page.path("page.hasMore");
    }
    return all;
  }

  private static List<String> typesOf(List<Map<String, Object>> feed, String id) {
    return feed.stream()
        .filter(e -> id.equals(e.get("resourceId")))
        .map(e -> (String) e.get("type"))
        .toList();
  }
}
