package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Follow-up records (跟进记录, issue 13): on a customer or on its contacts, the customer keeps its
 * latest follow-up's time, content, author and next date through its own version; bad input changes
 * nothing; data scope holds.
 */
@QuarkusTest
class FollowUpTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";
  static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  static Map<String, Object> followUp(String customerId, String content, Instant at) {
    Map<String, Object> body = new HashMap<>();
    if (customerId != null) {
      body.put("customerId", customerId);
    }
    body.put("method", "VISIT");
    body.put("content", content);
    body.put("followedUpAt", at.toString());
    return body;
  }

  static String create(Map<String, Object> body) {
    return Api.as("rep.zhang")
        .body(body)
        .post("/api/v1/follow-ups")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static JsonPath customer(String id) {
    return Api.as("rep.zhang")
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static long count(String customerId) {
    return Api.as("rep.zhang")
        .get("/api/v1/follow-ups?count=true&filter=customerId==" + customerId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("page.total");
  }

  @Test
  void theCustomerKeepsItsLatestFollowUpThroughItsVersion() {
    String id = Customers.createId("跟进客户 " + System.nanoTime());
    String contact = Customers.contact(id, "王跟进");
    long v0 = customer(id).getLong("version");

    Map<String, Object> first = followUp(id, "拜访采购部，确认预算。", BASE.minus(2, ChronoUnit.DAYS));
    first.put("nextFollowUpAt", BASE.plus(3, ChronoUnit.DAYS).toString());
    first.put("nextFollowUpContent", "发送报价");
    first.put("participantContactIds", List.of(contact));
    first.put("location", "上海");
    String a =
        Api.as("rep.zhang")
            .body(first)
            .post("/api/v1/follow-ups")
            .then()
            .statusCode(201)
            .body("customerId", equalTo(id))
            .body("ownerId", equalTo(ZHANG))
            .body("participantContactIds", equalTo(List.of(contact)))
            .extract()
            .path("id");
    JsonPath c = customer(id);
    assertEquals(BASE.minus(2, ChronoUnit.DAYS).toString(), c.getString("lastFollowUpAt"));
    assertEquals("拜访采购部，确认预算。", c.getString("lastFollowUpContent"));
    assertEquals(ZHANG, c.getString("lastFollowUpById"));
    assertEquals(BASE.plus(3, ChronoUnit.DAYS).toString(), c.getString("nextFollowUpAt"));
    assertEquals(v0 + 1, c.getLong("version"));

    // On the contact alone: the customer is the contact's; an older follow-up changes nothing.
    Map<String, Object> older = followUp(null, "更早的电话", BASE.minus(5, ChronoUnit.DAYS));
    older.put("contactId", contact);
    older.put("method", "CALL");
    Api.as("rep.zhang")
        .body(older)
        .post("/api/v1/follow-ups")
        .then()
        .statusCode(201)
        .body("customerId", equalTo(id))
        .body("contactId", equalTo(contact));
    assertEquals(v0 + 1, customer(id).getLong("version"));

    // A later one moves the customer; without a next date, the customer has none either.
    String b = create(followUp(id, "微信沟通方案", BASE.minus(1, ChronoUnit.HOURS)));
    c = customer(id);
    assertEquals("微信沟通方案", c.getString("lastFollowUpContent"));
    assertEquals(null, c.getString("nextFollowUpAt"));
    assertEquals(v0 + 2, c.getLong("version"));

    // Deleting the latest brings the one before back; restoring it moves the customer again.
    Api.as("rep.zhang").delete("/api/v1/follow-ups/" + b).then().statusCode(204);
    c = customer(id);
    assertEquals("拜访采购部，确认预算。", c.getString("lastFollowUpContent"));
    assertEquals(BASE.plus(3, ChronoUnit.DAYS).toString(), c.getString("nextFollowUpAt"));
    Api.as("rep.zhang").post("/api/v1/follow-ups/" + b + "/restore").then().statusCode(200);
    assertEquals("微信沟通方案", customer(id).getString("lastFollowUpContent"));
    assertEquals(v0 + 4, customer(id).getLong("version"));

    // Every move is an action of the customer in its history.
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + id + "/history")
        .then()
        .statusCode(200)
        .body("data[0].action", equalTo("followed-up"))
        .body("data[0].changes.lastFollowUpContent.new", equalTo("微信沟通方案"));

    // The customer's follow-ups, newest first; due customers by their next date.
    Api.as("rep.zhang")
        .get("/api/v1/follow-ups?sort=-followedUpAt&filter=customerId==" + id)
        .then()
        .statusCode(200)
        .body("data.content", equalTo(List.of("微信沟通方案", "拜访采购部，确认预算。", "更早的电话")));
    assertEquals(a, Api.as("rep.zhang").get("/api/v1/follow-ups/" + a).path("id"));
  }

  @Test
  void badFollowUpsAreRefusedAndChangeNothing() {
    String id = Customers.createId("跟进校验 " + System.nanoTime());
    String other = Customers.createId("另一个客户 " + System.nanoTime());
    String othersContact = Customers.contact(other, "别家联系人");
    long version = customer(id).getLong("version");

    Map<String, Object> unknownMethod = followUp(id, "内容", BASE);
    unknownMethod.put("method", "CARRIER_PIGEON");
    Map<String, Object> noSubject = followUp(null, "内容", BASE);
    Map<String, Object> mismatch = followUp(id, "内容", BASE);
    mismatch.put("contactId", othersContact);
    Map<String, Object> foreignParticipant = followUp(id, "内容", BASE);
    foreignParticipant.put("participantContactIds", List.of(othersContact));
    Map<String, Object> blank = followUp(id, " ", BASE);

    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {unknownMethod, "method"});
    cases.add(new Object[] {noSubject, "customerId"});
    cases.add(new Object[] {mismatch, "contactId"});
    cases.add(new Object[] {foreignParticipant, "participantContactIds"});
    cases.add(new Object[] {blank, "content"});
    for (Object[] each : cases) {
      Api.as("rep.zhang")
          .body(each[0])
          .post("/api/v1/follow-ups")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.field", hasItem(each[1]));
    }
    assertEquals(0, count(id));
    assertEquals(0, count(other));
    assertEquals(version, customer(id).getLong("version"));
  }

  @Test
  void aRepNeitherFollowsUpNorSeesAnotherRepsCustomers() {
    String id = Customers.createId("别人的客户 " + System.nanoTime());
    String mine = create(followUp(id, "张的跟进", BASE));
    Api.as("rep.chen")
        .body(followUp(id, "陈想跟进", BASE))
        .post("/api/v1/follow-ups")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("customerId"));
    Api.as("rep.chen").get("/api/v1/follow-ups/" + mine).then().statusCode(404);
    Api.as("rep.chen")
        .get("/api/v1/follow-ups?filter=customerId==" + id)
        .then()
        .statusCode(200)
        .body("data.id", not(hasItem(mine)));
    // Their manager sees it.
    Api.as("manager.wang").get("/api/v1/follow-ups/" + mine).then().statusCode(200);
  }

  @Test
  void followUpsWrittenAtOnceAreAllCounted() throws Exception {
    String name = "并发跟进" + System.nanoTime();
    String id = Customers.createId(name);
    long v0 = customer(id).getLong("version");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> writes = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Instant at = BASE.minus(i, ChronoUnit.MINUTES);
        String content = "并发 " + i;
        writes.add(
            () ->
                Api.as("rep.zhang")
                    .body(followUp(id, content, at))
                    .post("/api/v1/follow-ups")
                    .statusCode());
      }
      for (Future<Integer> done : pool.invokeAll(writes)) {
        assertEquals(201, done.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(8, count(id));
    JsonPath c = customer(id);
    // The latest by time wins whatever the commit order; each write that moved it took a version.
    assertEquals("并发 0", c.getString("lastFollowUpContent"));
    long moves =
        Api.as("rep.zhang")
            .get("/api/v1/customers/" + id + "/history?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data.action")
            .stream()
            .filter("followed-up"::equals)
            .count();
    assertEquals(v0 + moves, c.getLong("version"));
    // The kept fields filter like any other.
    Api.as("rep.zhang")
        .queryParam(
            "filter",
            "name==" + name + ";lastFollowUpById==" + ZHANG + ";nextFollowUpAt=isnull=true")
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(id)))
        .body("data[0].nextFollowUpAt", nullValue());
  }
}
