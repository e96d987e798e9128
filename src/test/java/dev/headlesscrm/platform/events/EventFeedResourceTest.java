package dev.headlesscrm.platform.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.audit.ChangeLog;
import dev.headlesscrm.platform.audit.ChangeRecord;
import dev.headlesscrm.platform.audit.FieldChange;
import dev.headlesscrm.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/v1/events: the ordered, replayable change feed over HTTP. */
@QuarkusTest
class EventFeedResourceTest {

  @Inject ChangeLog changeLog;
  @Inject EventPublisher publisher;

  /** Records one change per action, each in its own transaction, and publishes them. */
  private List<UUID> record(String resource, String... actions) {
    List<UUID> ids = new ArrayList<>();
    for (String action : actions) {
      UUID id = UUID.randomUUID();
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  changeLog.record(
                      new ChangeRecord(
                          resource,
                          id,
                          1,
                          action,
                          Map.of("name", new FieldChange("旧", "新")),
                          Map.of("id", id, "name", "新"))));
      ids.add(id);
    }
    publisher.publishPending();
    return ids;
  }

  private static JsonPath read(String query) {
    return Api.as("rep.zhang")
        .get("/api/v1/events?" + query)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .extract()
        .jsonPath();
  }

  @Test
  void anEventCarriesWhatHappenedToWhichRecordByWhomAndTheRecordAfterwards() {
    String resource = EventsTestSupport.uniqueResource("shape");
    UUID id = record(resource, "created").get(0);

    Api.as("rep.zhang")
        .get("/api/v1/events?types=" + resource + ".*")
        .then()
        .statusCode(200)
        .body("data", hasSize(1))
        .body("data[0].id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{14}7[0-9a-f-]{21}"))
        .body("data[0].sequence", org.hamcrest.Matchers.greaterThan(0))
        .body("data[0].type", equalTo(resource + ".created"))
        .body(
            "data[0].occurredAt",
            org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z"))
        .body("data[0]", org.hamcrest.Matchers.hasKey("actor"))
        .body("data[0].actor", nullValue())
        .body("data[0].resource", equalTo(resource))
        .body("data[0].resourceId", equalTo(id.toString()))
        .body("data[0].version", equalTo(1))
        .body("data[0].changes.name.old", equalTo("旧"))
        .body("data[0].changes.name.new", equalTo("新"))
        .body("data[0].data.id", equalTo(id.toString()))
        .body("data[0].data.name", equalTo("新"))
        .body("page.limit", equalTo(100))
        .body("page.hasMore", equalTo(false));
  }

  @Test
  void pagesFollowAfterAndLimitUntilNothingIsLeft() {
    String resource = EventsTestSupport.uniqueResource("paging");
    List<UUID> ids = record(resource, "created", "updated", "updated", "updated", "deleted");
    String types = "types=" + resource + ".*";

    JsonPath first = read(types + "&limit=2");
    assertEquals(
        ids.subList(0, 2).stream().map(UUID::toString).toList(), first.getList("data.resourceId"));
    assertTrue(first.getBoolean("page.hasMore"));
    assertEquals(2, first.getInt("page.limit"));
    List<Long> firstSequences = first.getList("data.sequence", Long.class);
    assertTrue(firstSequences.get(0) < firstSequences.get(1), "ordered by sequence");
    assertEquals(firstSequences.get(1), first.getLong("page.nextAfter"));

    JsonPath second = read(types + "&limit=2&after=" + first.getLong("page.nextAfter"));
    assertEquals(
        ids.subList(2, 4).stream().map(UUID::toString).toList(), second.getList("data.resourceId"));
    assertTrue(second.getBoolean("page.hasMore"));

    JsonPath third = read(types + "&limit=2&after=" + second.getLong("page.nextAfter"));
    assertEquals(List.of(ids.get(4).toString()), third.getList("data.resourceId"));
    assertEquals(resource + ".deleted", third.getString("data[0].type"));
    assertFalse(third.getBoolean("page.hasMore"));
    long end = third.getLong("page.nextAfter");

    JsonPath caughtUp = read(types + "&limit=2&after=" + end);
    assertTrue(caughtUp.getList("data").isEmpty());
    assertFalse(caughtUp.getBoolean("page.hasMore"));
    assertEquals(end, caughtUp.getLong("page.nextAfter"), "nothing new: nextAfter stays put");

    List<UUID> later = record(resource, "restored");
    JsonPath resumed = read(types + "&after=" + end);
    assertEquals(List.of(later.get(0).toString()), resumed.getList("data.resourceId"));
  }

  @Test
  void typesSelectByExactNameOrByWildcardPrefix() {
    String customer = EventsTestSupport.uniqueResource("cust");
    String contact = EventsTestSupport.uniqueResource("cont");
    record(customer, "created", "updated");
    record(contact, "created", "updated");

    JsonPath both = read("types=" + customer + ".*," + contact + ".created");
    assertEquals(
        List.of(customer + ".created", customer + ".updated", contact + ".created"),
        both.getList("data.type"));

    JsonPath prefix = read("types=" + customer.substring(0, customer.length() - 2) + "*");
    assertEquals(
        List.of(customer + ".created", customer + ".updated"), prefix.getList("data.type"));

    JsonPath exact = read("types=" + contact + ".updated");
    assertEquals(List.of(contact + ".updated"), exact.getList("data.type"));
  }

  @Test
  void anUnderscoreInAPatternIsNoWildcard() {
    String resource = EventsTestSupport.uniqueResource("under");
    record(resource, "created");
    String lookalike = resource.substring(0, 7) + "_" + resource.substring(8);

    assertTrue(read("types=" + lookalike + ".*").getList("data").isEmpty());
    assertEquals(1, read("types=" + resource + ".*").getList("data").size());
  }

  @ParameterizedTest
  @CsvSource({
    "after=-1, after",
    "after=abc, after",
    "limit=0, limit",
    "limit=1001, limit",
    "limit=many, limit",
    "'types=customer.created,,contact.*', types",
    "types=cust*omer, types",
    "types=customer%20created, types"
  })
  void badParametersAnswer400Problems(String query, String parameter) {
    Api.as("rep.zhang")
        .get("/api/v1/events?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed"))
        .body("status", equalTo(400))
        .body("detail", containsString(parameter));
  }

  @Test
  void theFeedNeedsAToken() {
    given()
        .get("/api/v1/events")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unauthorized"));
  }

  @Test
  void integrationsReadTheFeedToo() {
    String resource = EventsTestSupport.uniqueResource("erp");
    UUID id = record(resource, "created").get(0);
    Api.asIntegration()
        .get("/api/v1/events?types=" + resource + ".created")
        .then()
        .statusCode(200)
        .body("data.resourceId", equalTo(List.of(id.toString())));
  }
}
