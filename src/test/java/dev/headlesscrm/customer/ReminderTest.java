package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /me/reminders (issue 13): exactly what falls due for the caller within the lead days, within
 * their data scope and field permissions.
 */
@QuarkusTest
class ReminderTest {

  static final ZoneId CST = ZoneId.of("Asia/Shanghai");

  static List<Map<String, Object>> reminders(String user, String kind, Integer days) {
    var request = Api.as(user).queryParam("kind", kind);
    if (days != null) {
      request.queryParam("days", days);
    }
    return request
        .get("/api/v1/me/reminders")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data");
  }

  static boolean has(List<Map<String, Object>> reminders, String recordId) {
    return reminders.stream().anyMatch(r -> recordId.equals(r.get("recordId")));
  }

  /** A birthday on the day {@code ahead} days from today (China time), born in 1990. */
  static String contactBornAhead(String customer, int ahead) {
    LocalDate day = LocalDate.now(CST).plusDays(ahead);
    LocalDate born =
        day.getMonthValue() == 2 && day.getDayOfMonth() == 29
            ? LocalDate.of(1992, 2, 29)
            : day.withYear(1990);
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", customer);
    body.put("name", "生日 " + ahead);
    body.put("birthday", born.toString());
    return Api.as("rep.zhang")
        .body(body)
        .post("/api/v1/contacts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void birthdaysWithinTheLeadDaysForThoseWhoMaySeeThem() {
    String customer = Customers.createId("生日客户 " + System.nanoTime());
    String soon = contactBornAhead(customer, 2);
    String later = contactBornAhead(customer, 10);
    List<Map<String, Object>> mine = reminders("rep.zhang", "birthday", null);
    assertTrue(has(mine, soon), "within birthday-reminder-days (3)");
    assertFalse(has(mine, later));
    Map<String, Object> r =
        mine.stream().filter(x -> soon.equals(x.get("recordId"))).findFirst().orElseThrow();
    assertEquals(customer, r.get("customerId"));
    assertEquals(LocalDate.now(CST).plusDays(2).toString(), ((Map<?, ?>) r.get("data")).get("on"));
    assertTrue(has(reminders("rep.zhang", "birthday", 10), later), "days widens the window");
    // Outside the data scope, and without contact:view_sensitive (analysts), no birthday.
    assertFalse(has(reminders("rep.chen", "birthday", 10), soon));
    assertFalse(has(reminders("analyst.liu", "birthday", 10), soon));
    assertTrue(has(reminders("manager.wang", "birthday", null), soon), "a rep's manager");
  }

  @Test
  void followUpsAndTasksDueAndTheirReminderTimes() {
    String due = Customers.createId("跟进提醒 " + System.nanoTime());
    String notYet = Customers.createId("跟进不提醒 " + System.nanoTime());
    Instant now = Instant.now();
    for (Object[] each : new Object[][] {{due, 1}, {notYet, 10}}) {
      Api.as("rep.zhang")
          .body(
              Map.of(
                  "customerId",
                  each[0],
                  "method",
                  "CALL",
                  "content",
                  "电话",
                  "nextFollowUpAt",
                  now.plus(Duration.ofDays((Integer) each[1])).toString()))
          .post("/api/v1/follow-ups")
          .then()
          .statusCode(201);
    }
    List<Map<String, Object>> followUps = reminders("rep.zhang", "follow-up", null);
    assertTrue(has(followUps, due));
    assertFalse(has(followUps, notYet));
    assertFalse(has(reminders("rep.chen", "follow-up", null), due), "not chen's customer");

    String soon = task("明天截止", now.plus(Duration.ofDays(1)), null);
    String remindNow = task("提醒已到", now.plus(Duration.ofDays(10)), now.minusSeconds(3600));
    String quiet = task("还早", now.plus(Duration.ofDays(10)), null);
    List<Map<String, Object>> tasks = reminders("rep.zhang", "task", null);
    assertTrue(has(tasks, soon));
    assertTrue(has(tasks, remindNow));
    assertFalse(has(tasks, quiet));
    Api.as("rep.zhang").post("/api/v1/tasks/" + soon + "/complete").then().statusCode(200);
    assertFalse(has(reminders("rep.zhang", "task", null), soon), "done is not due");

    // Every kind at once, earliest first, with counts.
    Api.as("rep.zhang")
        .get("/api/v1/me/reminders")
        .then()
        .statusCode(200)
        .body("data.recordId", hasItem(due))
        .body("data.recordId", hasItem(remindNow));
    Api.as("rep.zhang")
        .queryParam("kind", "nonsense")
        .get("/api/v1/me/reminders")
        .then()
        .statusCode(400);
    Api.as("rep.zhang").queryParam("days", 400).get("/api/v1/me/reminders").then().statusCode(400);
  }

  static String task(String subject, Instant due, Instant remind) {
    Map<String, Object> body = new HashMap<>();
    body.put("subject", subject);
    body.put("dueAt", due.toString());
    if (remind != null) {
      body.put("remindAt", remind.toString());
    }
    return Api.as("rep.zhang")
        .body(body)
        .post("/api/v1/tasks")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void receivablePeriodsDueWithinTheirSetting() {
    String customer = Customers.createId("应收提醒 " + System.nanoTime());
    String contract =
        Api.as("rep.zhang")
            .body(Map.of("name", "应收合同", "customerId", customer, "amount", 3000))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit").then().statusCode(200);
    LocalDate today = LocalDate.now(CST);
    String soon = plan(contract, today.plusDays(5));
    String later = plan(contract, today.plusDays(60));
    List<Map<String, Object>> due = reminders("rep.zhang", "receivable", null);
    assertTrue(has(due, soon), "within receivable-reminder-days (7)");
    assertFalse(has(due, later));
    assertFalse(has(reminders("rep.chen", "receivable", null), soon), "not chen's contract");
  }

  static String plan(String contract, LocalDate due) {
    return Api.as("rep.zhang")
        .body(Map.of("contractId", contract, "dueDate", due.toString(), "amount", 1000))
        .post("/api/v1/payment-plans")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void poolReturnsWithinThePoolsWarningDays() {
    String tag = "remind" + System.nanoTime();
    String pool = PoolTest.createPool(PoolTest.pool(tag, PoolTest.rule("两天未跟进", tag, 2)));
    try {
      String id = PoolTest.customer(tag, "回收提醒 " + tag);
      assertTrue(has(reminders("rep.zhang", "pool-warning", null), id), "within 3 warning days");
      assertFalse(has(reminders("rep.zhang", "pool-warning", 1), id), "not within one day");
      assertFalse(has(reminders("rep.chen", "pool-warning", null), id));
    } finally {
      PoolTest.retire(pool);
    }
  }
}
