package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Customer care (客户关怀, issue 13): individual customers' birthdays among the reminders, and care
 * records on the customer's timeline.
 */
@QuarkusTest
class CareTest {

  static final ZoneId CST = ZoneId.of("Asia/Shanghai");

  @Test
  void individualsHaveBirthdaysAndCareGoesOnTheTimeline() {
    LocalDate day = LocalDate.now(CST).plusDays(1);
    LocalDate born =
        day.getMonthValue() == 2 && day.getDayOfMonth() == 29
            ? LocalDate.of(1988, 2, 29)
            : day.withYear(1988);
    Map<String, Object> person = new HashMap<>();
    person.put("name", "个人客户 " + System.nanoTime());
    person.put("type", "INDIVIDUAL");
    person.put("birthday", born.toString());
    person.put("gender", "FEMALE");
    String id = Customers.create(person).path("id");
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + id)
        .then()
        .body("birthday", equalTo(born.toString()))
        .body("gender", equalTo("FEMALE"));
    // Sensitive: an analyst reads the customer without it.
    Api.as("analyst.liu")
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("birthday")));
    // Only individuals have one.
    Map<String, Object> company = new HashMap<>();
    company.put("name", "企业客户 " + System.nanoTime());
    company.put("type", "ENTERPRISE");
    company.put("birthday", born.toString());
    Api.as("rep.zhang")
        .body(company)
        .post("/api/v1/customers")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("birthday"));

    List<Map<String, Object>> birthdays =
        Api.as("rep.zhang")
            .queryParam("kind", "birthday")
            .get("/api/v1/me/reminders")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    assertTrue(
        birthdays.stream()
            .anyMatch(r -> id.equals(r.get("recordId")) && "customer".equals(r.get("resource"))),
        birthdays.toString());

    String care =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "customerId", id,
                    "kind", "GIFT",
                    "occasion", "BIRTHDAY",
                    "content", "生日鲜花",
                    "cost", 199))
            .post("/api/v1/customer-cares")
            .then()
            .statusCode(201)
            .body("ownerId", equalTo("0193a000-0000-7000-8000-0000000000e3"))
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .body(Map.of("customerId", id, "kind", "PARTY", "occasion", "BIRTHDAY"))
        .post("/api/v1/customer-cares")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("kind"));
    String other = Customers.createId("别的客户 " + System.nanoTime());
    String stranger = Customers.contact(other, "别家联系人");
    Api.as("rep.zhang")
        .body(
            Map.of("customerId", id, "contactId", stranger, "kind", "CARD", "occasion", "HOLIDAY"))
        .post("/api/v1/customer-cares")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("contactId"));
    Api.as("rep.chen")
        .body(Map.of("customerId", id, "kind", "CARD", "occasion", "HOLIDAY"))
        .post("/api/v1/customer-cares")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("customerId"));

    List<Map<String, Object>> timeline =
        Api.as("rep.zhang")
            .queryParam("kind", "care")
            .get("/api/v1/customers/" + id + "/timeline")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    assertEquals(1, timeline.size());
    assertEquals(care, timeline.get(0).get("recordId"));
    assertEquals("GIFT", ((Map<?, ?>) timeline.get(0).get("detail")).get("kind"));
  }

  @jakarta.inject.Inject dev.headlesscrm.customer.application.CareScheduleJob careJob;

  @Test
  void aCareScheduleMakesOneCareTaskPerOccasionForTheOwner() {
    String name = "生日前两天 " + System.nanoTime();
    String schedule =
        Api.asAdmin()
            .body(
                Map.of(
                    "name", name,
                    "occasion", "BIRTHDAY",
                    "daysBefore", 2,
                    "careKind", "GREETING",
                    "taskSubject", "生日祝福"))
            .post("/api/v1/care-schedules")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    try {
      LocalDate today = LocalDate.now(CST).plusDays(30);
      LocalDate on = today.plusDays(2);
      LocalDate born =
          on.getMonthValue() == 2 && on.getDayOfMonth() == 29
              ? LocalDate.of(1992, 2, 29)
              : on.withYear(1985);
      String customer = Customers.createId("关怀计划客户 " + System.nanoTime());
      Map<String, Object> contact = new HashMap<>();
      contact.put("customerId", customer);
      contact.put("name", "寿星");
      contact.put("birthday", born.toString());
      String contactId =
          Api.as("rep.zhang")
              .body(contact)
              .post("/api/v1/contacts")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      assertTrue(careJob.run(today) >= 1);
      careJob.run(today);
      List<Map<String, Object>> planned =
          Api.as("rep.zhang")
              .queryParam("filter", "relatedId==" + contactId)
              .get("/api/v1/tasks")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("data");
      assertEquals(1, planned.size(), "once, however often it runs");
      assertEquals("生日祝福：寿星", planned.get(0).get("subject"));
      assertEquals(customer, planned.get(0).get("customerId"));
      assertEquals(on.atStartOfDay(CST).toInstant().toString(), planned.get(0).get("dueAt"));
      // Only dated occasions.
      Api.asAdmin()
          .body(
              Map.of(
                  "name", "节日",
                  "occasion", "HOLIDAY",
                  "daysBefore", 1,
                  "careKind", "CARD",
                  "taskSubject", "节日问候"))
          .post("/api/v1/care-schedules")
          .then()
          .statusCode(422)
          .body("errors.field", hasItem("occasion"));
    } finally {
      Api.asAdmin()
          .body(Map.of("active", false))
          .contentType("application/merge-patch+json")
          .patch("/api/v1/care-schedules/" + schedule)
          .then()
          .statusCode(200);
    }
  }
}
