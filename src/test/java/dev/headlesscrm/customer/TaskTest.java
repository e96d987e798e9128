package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tasks (待办, issue 13): about any record, assigned to an employee, moved only by their actions, and
 * the caller's own open tasks by due time (GET /me/tasks, GraphQL myTasks).
 */
@QuarkusTest
class TaskTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";
  static final ZoneId CST = ZoneId.of("Asia/Shanghai");

  static Map<String, Object> task(String subject, Instant due) {
    Map<String, Object> body = new HashMap<>();
    body.put("subject", subject);
    if (due != null) {
      body.put("dueAt", due.toString());
    }
    return body;
  }

  static String create(String user, Map<String, Object> body) {
    return Api.as(user)
        .body(body)
        .post("/api/v1/tasks")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static List<String> mine(String user, String due) {
    return Api.as(user)
        .queryParam("limit", 500)
        .queryParam("due", due)
        .get("/api/v1/me/tasks")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data.id");
  }

  @Test
  void aTaskAboutARecordCarriesItsCustomerAndMovesOnlyByItsActions() {
    String customer = Customers.createId("待办客户 " + System.nanoTime());
    String contact = Customers.contact(customer, "李待办");
    Map<String, Object> body = task("回访李经理", Instant.now().plus(2, ChronoUnit.DAYS));
    body.put("relatedResource", "contact");
    body.put("relatedId", contact);
    body.put("priority", "HIGH");
    String id =
        Api.as("rep.zhang")
            .body(body)
            .post("/api/v1/tasks")
            .then()
            .statusCode(201)
            .body("status", equalTo("OPEN"))
            .body("priority", equalTo("HIGH"))
            .body("customerId", equalTo(customer))
            .body("ownerId", equalTo(ZHANG))
            .extract()
            .path("id");
    int v0 = Api.as("rep.zhang").get("/api/v1/tasks/" + id).jsonPath().getInt("version");

    Api.as("rep.zhang")
        .post("/api/v1/tasks/" + id + "/complete")
        .then()
        .statusCode(200)
        .header("ETag", equalTo("W/\"" + (v0 + 1) + "\""))
        .body("status", equalTo("DONE"))
        .body("completedBy", equalTo(ZHANG))
        .body("completedAt", notNullValue());
    // Done is done: a second complete is a 409 naming the state, and changes nothing.
    Api.as("rep.zhang")
        .post("/api/v1/tasks/" + id + "/complete")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    // A stale If-Match is a 412.
    Api.as("rep.zhang")
        .header("If-Match", "W/\"" + v0 + "\"")
        .post("/api/v1/tasks/" + id + "/reopen")
        .then()
        .statusCode(412);
    Api.as("rep.zhang")
        .post("/api/v1/tasks/" + id + "/reopen")
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"))
        .body("completedAt", nullValue());
    Api.as("rep.zhang")
        .post("/api/v1/tasks/" + id + "/cancel")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("version", equalTo(v0 + 3));
    // The status is not a writable field.
    Api.as("rep.zhang")
        .contentType("application/merge-patch+json")
        .body(Map.of("status", "DONE"))
        .patch("/api/v1/tasks/" + id)
        .then()
        .statusCode(422);
    Api.as("rep.zhang")
        .get("/api/v1/tasks/" + id + "/history")
        .then()
        .statusCode(200)
        .body("data.action", equalTo(List.of("cancelled", "reopened", "completed", "created")));

    // The customer's tasks by filter; a task about the customer itself carries it too.
    Map<String, Object> aboutCustomer = task("准备报价", null);
    aboutCustomer.put("relatedResource", "customer");
    aboutCustomer.put("relatedId", customer);
    String second = create("rep.zhang", aboutCustomer);
    Api.as("rep.zhang")
        .get("/api/v1/tasks?filter=customerId==" + customer)
        .then()
        .statusCode(200)
        .body("data.id", hasItems(id, second));
  }

  @Test
  void badTasksAreRefusedAndChangeNothing() {
    String chens =
        Api.as("rep.chen")
            .body(Map.of("name", "陈的客户 " + System.nanoTime()))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String marker = "坏待办" + System.nanoTime();
    List<Object[]> cases = new ArrayList<>();
    Map<String, Object> half = task(marker, null);
    half.put("relatedResource", "customer");
    cases.add(new Object[] {half, "relatedId"});
    Map<String, Object> unknown = task(marker, null);
    unknown.put("relatedResource", "spaceship");
    unknown.put("relatedId", chens);
    cases.add(new Object[] {unknown, "relatedResource"});
    Map<String, Object> missing = task(marker, null);
    missing.put("relatedResource", "customer");
    missing.put("relatedId", "0193a000-0000-7000-8000-00000000ffff");
    cases.add(new Object[] {missing, "relatedId"});
    Map<String, Object> hidden = task(marker, null);
    hidden.put("relatedResource", "customer");
    hidden.put("relatedId", chens);
    cases.add(new Object[] {hidden, "relatedId"});
    Map<String, Object> late = task(marker, Instant.now());
    late.put("remindAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
    cases.add(new Object[] {late, "remindAt"});
    cases.add(new Object[] {task(" ", null), "subject"});
    for (Object[] each : cases) {
      Api.as("rep.zhang")
          .body(each[0])
          .post("/api/v1/tasks")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.field", hasItem(each[1]));
    }
    Api.as("rep.zhang")
        .queryParam("filter", "subject==" + marker)
        .get("/api/v1/tasks")
        .then()
        .statusCode(200)
        .body("data", equalTo(List.of()));
  }

  @Test
  void myTasksAreMyOpenOnesByDueTime() {
    Instant now = Instant.now();
    ZonedDateTime today = LocalDate.now(CST).atStartOfDay(CST);
    String overdue = create("rep.zhang", task("逾期待办", now.minus(1, ChronoUnit.DAYS)));
    String dueToday =
        create("rep.zhang", task("今天待办", today.plusDays(1).minusSeconds(1).toInstant()));
    String later = create("rep.zhang", task("以后待办", today.plusDays(3).toInstant()));
    String done = create("rep.zhang", task("已完成待办", now.minus(1, ChronoUnit.DAYS)));
    Api.as("rep.zhang").post("/api/v1/tasks/" + done + "/complete").then().statusCode(200);
    // A manager assigns one to the rep: it is the rep's.
    Map<String, Object> assigned = task("经理安排的待办", today.plusDays(3).toInstant());
    assigned.put("ownerId", ZHANG);
    String fromManager = create("manager.wang", assigned);
    String chens = create("rep.chen", task("陈的待办", now.minus(1, ChronoUnit.DAYS)));

    List<String> all = mine("rep.zhang", null);
    assertTrue(all.containsAll(List.of(overdue, dueToday, later, fromManager)), all.toString());
    assertTrue(!all.contains(done) && !all.contains(chens), all.toString());
    assertTrue(all.indexOf(overdue) < all.indexOf(dueToday), "earliest due first");
    assertTrue(all.indexOf(dueToday) < all.indexOf(later), "earliest due first");

    List<String> overdueOnes = mine("rep.zhang", "OVERDUE");
    assertTrue(overdueOnes.contains(overdue) && !overdueOnes.contains(dueToday));
    assertTrue(!overdueOnes.contains(later) && !overdueOnes.contains(done));
    List<String> todays = mine("rep.zhang", "TODAY");
    assertTrue(todays.contains(dueToday) && !todays.contains(overdue) && !todays.contains(later));
    List<String> upcoming = mine("rep.zhang", "UPCOMING");
    assertTrue(upcoming.containsAll(List.of(dueToday, later)) && !upcoming.contains(overdue));
    assertTrue(!mine("rep.chen", null).contains(overdue));
    Api.as("rep.zhang")
        .queryParam("due", "SOMEDAY")
        .get("/api/v1/me/tasks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("due"));

    // The same over GraphQL, and an action as a mutation.
    List<String> graph =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "query",
                    "{ myTasks(due: OVERDUE, first: 500) { edges { node { id status } } } }"))
            .post("/graphql")
            .then()
            .statusCode(200)
            .body("errors", nullValue())
            .extract()
            .jsonPath()
            .getList("data.myTasks.edges.node.id");
    assertTrue(graph.contains(overdue) && !graph.contains(dueToday), graph.toString());
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "mutation($id: ID!) { completeTask(id: $id) { status version } }",
                "variables",
                Map.of("id", overdue)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.completeTask.status", equalTo("DONE"));
    assertTrue(!mine("rep.zhang", "OVERDUE").contains(overdue));
    // The assigned task is the rep's, made by the manager.
    Api.as("rep.zhang")
        .get("/api/v1/tasks/" + fromManager)
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(ZHANG))
        .body("createdBy", not(equalTo(ZHANG)));
  }

  @Test
  void aRecurringTaskMakesItsNextOccurrenceOnceWhenDoneOrSkipped() {
    ZonedDateTime due = LocalDate.now(CST).plusDays(1).atTime(9, 30).atZone(CST);
    Map<String, Object> body = task("每周例会纪要", due.toInstant());
    body.put("recurrence", "WEEKLY");
    body.put("remindAt", due.minusHours(1).toInstant().toString());
    body.put("recurrenceUntil", due.plusWeeks(2).toLocalDate().toString());
    String first = create("rep.zhang", body);
    Api.as("rep.zhang")
        .post("/api/v1/tasks/" + first + "/complete")
        .then()
        .statusCode(200)
        .body("seriesId", org.hamcrest.Matchers.equalTo(first));
    List<Map<String, Object>> series = series(first);
    assertTrue(series.size() == 2, series.toString());
    Map<String, Object> second = series.get(1);
    org.junit.jupiter.api.Assertions.assertEquals(
        due.plusWeeks(1).toInstant().toString(), second.get("dueAt"));
    org.junit.jupiter.api.Assertions.assertEquals(
        due.plusWeeks(1).minusHours(1).toInstant().toString(), second.get("remindAt"));
    org.junit.jupiter.api.Assertions.assertEquals("OPEN", second.get("status"));
    // Skipping one makes the next too; past the series' end, none.
    Api.as("rep.zhang")
        .post("/api/v1/tasks/" + second.get("id") + "/cancel")
        .then()
        .statusCode(200);
    List<Map<String, Object>> three = series(first);
    org.junit.jupiter.api.Assertions.assertEquals(3, three.size());
    Api.as("rep.zhang")
        .post("/api/v1/tasks/" + three.get(2).get("id") + "/complete")
        .then()
        .statusCode(200);
    org.junit.jupiter.api.Assertions.assertEquals(3, series(first).size(), "until reached");
    // Reopening a done occurrence makes no second next one.
    Api.as("rep.zhang").post("/api/v1/tasks/" + first + "/reopen").then().statusCode(200);
    Api.as("rep.zhang").post("/api/v1/tasks/" + first + "/complete").then().statusCode(200);
    org.junit.jupiter.api.Assertions.assertEquals(3, series(first).size());
    // A recurring task needs a due time.
    Map<String, Object> undated = task("无期限重复", null);
    undated.put("recurrence", "DAILY");
    Api.as("rep.zhang")
        .body(undated)
        .post("/api/v1/tasks")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("dueAt"));
  }

  static List<Map<String, Object>> series(String first) {
    return Api.as("rep.zhang")
        .queryParam("filter", "seriesId==" + first)
        .queryParam("sort", "dueAt,createdAt")
        .get("/api/v1/tasks")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data");
  }
}
