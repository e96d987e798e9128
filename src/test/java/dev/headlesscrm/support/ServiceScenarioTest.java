package dev.headlesscrm.support;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.sales.SalesChainTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's scenario, end to end under a controlled clock: a delivered order makes goods, the
 * customer calls on a Friday afternoon, the request is checked against its service contract and the
 * warranty, routed to the best free agent (the routing record says why), worked across a weekend, a
 * public holiday on Monday, a lunch break and a wait for the customer, resolved, closed and
 * surveyed; the SLA timers are checked at every step, and every step is in the history, the change
 * feed and the customer's timeline.
 */
@QuarkusTest
class ServiceScenarioTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String SUN = ServiceRequestTest.SUN;
  static final String ZHAO = "0193a000-0000-7000-8000-0000000000e6";

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  /** A Friday at least a week ahead; the Monday after it is a public holiday. */
  static final LocalDate FRIDAY =
      LocalDate.now(SHANGHAI).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));

  static final LocalDate TUESDAY = FRIDAY.plusDays(4);

  static Instant at(LocalDate day, String time) {
    return LocalDateTime.of(day, java.time.LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
  }

  static void clock(LocalDate day, String time) {
    Clock.use(java.time.Clock.fixed(at(day, time), ZoneOffset.UTC));
  }

  @AfterEach
  void realTime() {
    Clock.reset();
  }

  static Map<String, Map<String, Object>> timers(String request) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (Map<String, Object> t :
        Api.as("agent.sun")
            .get("/api/v1/service-requests/" + request + "/sla-timers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .<Map<String, Object>>getList("data")) {
      out.put((String) t.get("kind"), t);
    }
    return out;
  }

  static void act(String request, String action, Map<String, Object> body) {
    var r = Api.as("agent.sun");
    if (body != null) {
      r.body(body);
    }
    r.post("/api/v1/service-requests/" + request + "/" + action).then().statusCode(200);
  }

  /** The set-up a service desk has: calendar, policy, queue and agents. */
  static String setUp() {
    List<Map<String, Object>> hours = new ArrayList<>();
    for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
      hours.add(Map.of("day", day, "from", "09:00", "to", "12:00"));
      hours.add(Map.of("day", day, "from", "13:30", "to", "18:00"));
    }
    String calendar =
        Api.as("admin.li")
            .body(
                Map.of(
                    "name",
                    Api.uniqueCode("场景日历"),
                    "weeklyHours",
                    hours,
                    "holidays",
                    List.of(FRIDAY.plusDays(3).toString())))
            .post("/api/v1/business-calendars")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> policy = new HashMap<>();
    policy.put("name", Api.uniqueCode("高级服务合同"));
    policy.put("rank", 0);
    policy.put("entitlementSources", List.of("SERVICE_CONTRACT"));
    policy.put("serviceLevels", List.of("PREMIUM"));
    policy.put("calendarId", calendar);
    policy.put("firstResponseMinutes", 60);
    policy.put("nextResponseMinutes", 150);
    policy.put("resolutionMinutes", 480);
    policy.put("warningPercent", 75);
    String policyId =
        Api.as("admin.li")
            .body(policy)
            .post("/api/v1/sla-policies")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // Earlier runs' rank-0 queues step aside; this one takes OTHER repairs.
    for (Map<String, Object> q :
        Api.as("admin.li")
            .get("/api/v1/service-queues?filter=rank==0;active==true&limit=100")
            .then()
            .extract()
            .jsonPath()
            .<Map<String, Object>>getList("data")) {
      Api.as("admin.li")
          .body(Map.of("active", false))
          .patch("/api/v1/service-queues/" + q.get("id"))
          .then()
          .statusCode(200);
    }
    Map<String, Object> sun = new HashMap<>();
    sun.put("capacity", 1000);
    sun.put("skills", List.of(Map.of("category", "OTHER", "level", 5)));
    RoutingTest.profile(SUN, sun);
    Map<String, Object> zhao = new HashMap<>();
    zhao.put("capacity", 1000);
    zhao.put("skills", List.of(Map.of("category", "OTHER", "level", 2)));
    RoutingTest.profile(ZHAO, zhao);
    Map<String, Object> queue = new HashMap<>();
    queue.put("name", Api.uniqueCode("场景队列"));
    queue.put("rank", 0);
    queue.put("departmentId", RoutingTest.SERVICE_DEPT);
    queue.put("memberIds", List.of(ZHAO, SUN));
    queue.put("categories", List.of("OTHER"));
    queue.put("requestTypes", List.of("REPAIR"));
    Api.as("admin.li")
        .body(queue)
        .post("/api/v1/service-queues")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);
    return policyId;
  }

  @Test
  void fromDeliveryToSurveyAcrossAWeekendAHolidayALunchBreakAndAWait() {
    long head = events.head();
    String policy = setUp();
    String product = GoodsTest.product();
    String customer = SalesChainTest.customer("rep.zhang");

    // A delivered order makes the customer's goods.
    JsonPath order =
        GoodsTest.confirmedOrder(GoodsTest.salesContract(customer, product, 1, Map.of()));
    GoodsTest.deliver(order, 1);
    String goods = GoodsTest.goodsOf(order).getString("data[0].id");
    // Its premium service contract counts cases when they are resolved.
    String serviceContract =
        EntitlementTest.contract(
                customer,
                Map.of(
                    "serviceLevel",
                    "PREMIUM",
                    "consumeOn",
                    "RESOLUTION",
                    "endsOn",
                    FRIDAY.plusYears(1).toString(),
                    "goodsIds",
                    List.of(goods),
                    "terms",
                    List.of(EntitlementTest.term("CASES", "PHONE", 4))))
            .getString("id");

    // Friday 16:00: the customer calls.
    clock(FRIDAY, "16:00");
    Map<String, Object> call = new HashMap<>();
    call.put("customerId", customer);
    call.put("goodsId", goods);
    call.put("channel", "PHONE");
    call.put("type", "REPAIR");
    call.put("category", "OTHER");
    call.put("subject", "打印机卡纸，无法打印");
    JsonPath made =
        Api.as("agent.sun")
            .body(call)
            .post("/api/v1/service-requests")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String request = made.getString("id");
    // Checked against the service contract and the warranty; the contract entitles it.
    assertEquals("SERVICE_CONTRACT", made.getString("entitledBy"));
    assertEquals(serviceContract, made.getString("serviceContractId"));
    assertEquals(true, made.getBoolean("underWarranty"));
    assertEquals(policy, made.getString("slaPolicyId"));
    // Routed to the best free agent: the expert, and the record says why.
    assertEquals(SUN, made.getString("ownerId"));
    assertEquals("ASSIGNED", made.getString("status"));
    JsonPath routing =
        Api.as("agent.sun")
            .get("/api/v1/service-requests/" + request + "/routing")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(SUN, routing.getString("data[0].chosenId"));
    assertEquals(2, routing.getList("data[0].candidates").size());
    assertTrue(!routing.getString("data[0].reason").isBlank());
    // Response due in an hour; resolution: Friday 16–18, Monday a holiday, Tuesday 9–12, then
    // 13:30 after lunch + 3 h.
    Map<String, Map<String, Object>> t = timers(request);
    assertEquals(at(FRIDAY, "17:00").toString(), t.get("FIRST_RESPONSE").get("dueAt"));
    assertEquals(at(TUESDAY, "16:30").toString(), t.get("RESOLUTION").get("dueAt"));

    // 16:30 the agent starts and answers: the first response is met.
    clock(FRIDAY, "16:30");
    act(request, "start", null);
    act(request, "respond", null);
    assertEquals("MET", timers(request).get("FIRST_RESPONSE").get("state"));
    // 17:00 waiting for the customer: the resolution timer pauses with an hour counted.
    clock(FRIDAY, "17:00");
    act(request, "wait", null);
    t = timers(request);
    assertEquals("PAUSED", t.get("RESOLUTION").get("state"));
    assertEquals("waiting-for-customer", t.get("RESOLUTION").get("pauseReason"));
    assertEquals(60, t.get("RESOLUTION").get("elapsedMinutes"));
    // Over the weekend and the holiday nothing counts.
    clock(TUESDAY, "09:30");
    assertEquals(60, timers(request).get("RESOLUTION").get("elapsedMinutes"));

    // Tuesday 10:00 the customer answers: the same timer resumes (7 h left: 10–12, 13:30–18,
    // Wednesday 9:00–9:30) and the next response is due 2.5 working hours on, after lunch.
    clock(TUESDAY, "10:00");
    String resolutionTimer = (String) t.get("RESOLUTION").get("id");
    act(request, "resume", null);
    t = timers(request);
    assertEquals(resolutionTimer, t.get("RESOLUTION").get("id"), "resumed, not recreated");
    assertEquals("RUNNING", t.get("RESOLUTION").get("state"));
    assertEquals(at(TUESDAY.plusDays(1), "09:30").toString(), t.get("RESOLUTION").get("dueAt"));
    assertEquals(at(TUESDAY, "14:00").toString(), t.get("NEXT_RESPONSE").get("dueAt"));

    // 10:30 a repair with a part, a technician's visit, and the part shipped to the customer.
    clock(TUESDAY, "10:30");
    String part = RepairTest.product(180);
    Map<String, Object> repairBody = new HashMap<>();
    repairBody.put("serviceRequestId", request);
    repairBody.put("parts", List.of(Map.of("productId", part, "quantity", 1)));
    repairBody.put("labourHours", 1);
    repairBody.put("labourRate", 200);
    JsonPath repair =
        Api.as("agent.sun")
            .body(repairBody)
            .post("/api/v1/repairs")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String repairId = repair.getString("id");
    assertEquals(goods, repair.getString("goodsId"));
    assertEquals(true, repair.getBoolean("inWarranty"));
    assertEquals(0, repair.getDouble("chargeable"), 0.0, "in warranty: nothing charged");
    String packing =
        Api.as("agent.sun")
            .body(Map.of("repairId", repairId))
            .post("/api/v1/packing-lists")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (Object[] step :
        new Object[][] {
          {"pack", null}, {"ship", Map.of("trackingNumber", "SF1234567890")}, {"deliver", null}
        }) {
      var r = Api.as("agent.sun");
      if (step[1] != null) {
        r.body(step[1]);
      }
      r.post("/api/v1/packing-lists/" + packing + "/" + step[0]).then().statusCode(200);
    }
    Api.as("agent.sun")
        .body(
            Map.of(
                "technicianId",
                SUN,
                "scheduledStart",
                at(TUESDAY, "11:00").toString(),
                "scheduledEnd",
                at(TUESDAY, "12:00").toString(),
                "visitAddress",
                "上海市浦东新区世纪大道 100 号"))
        .post("/api/v1/repairs/" + repairId + "/schedule")
        .then()
        .statusCode(200);
    clock(TUESDAY, "11:00");
    Api.as("agent.sun").post("/api/v1/repairs/" + repairId + "/start").then().statusCode(200);
    clock(TUESDAY, "11:50");
    Api.as("agent.sun")
        .body(Map.of("diagnosis", "搓纸轮磨损", "resolution", "更换搓纸轮"))
        .post("/api/v1/repairs/" + repairId + "/complete")
        .then()
        .statusCode(200);

    // 13:45 an answer; 14:00 resolved after 2 h of work: 3.5 working hours in all, met.
    clock(TUESDAY, "13:45");
    act(request, "respond", null);
    assertEquals("MET", timers(request).get("NEXT_RESPONSE").get("state"));
    clock(TUESDAY, "14:00");
    act(request, "resolve", Map.of("resolution", "更换搓纸轮后打印正常", "workedHours", 2));
    t = timers(request);
    assertEquals("MET", t.get("RESOLUTION").get("state"));
    assertEquals(210, t.get("RESOLUTION").get("elapsedMinutes"));
    assertEquals(1f, EntitlementTest.used(serviceContract), "one case, counted on resolution");
    act(request, "close", null);

    // The survey, answered.
    String survey = SatisfactionSurveyTest.surveyOf(request).getString("data[0].id");
    Api.as("agent.sun")
        .body(Map.of("score", 5, "nps", 10, "comment", "响应及时"))
        .post("/api/v1/satisfaction-surveys/" + survey + "/answer")
        .then()
        .statusCode(200);
    Clock.reset();

    // Every step in the request's history ...
    List<String> history = ServiceRequestTest.history(request);
    for (String step :
        List.of("created", "started", "responded", "waiting", "resumed", "resolved", "closed")) {
      assertTrue(history.contains(step), step + " in " + history);
    }
    // ... in the change feed ...
    publisher.publishPending();
    Api.as("admin.li")
        .get("/api/v1/events?types=service-request.*&limit=1000&after=" + head)
        .then()
        .statusCode(200)
        .body(
            "data.findAll { it.resourceId == '" + request + "' }.type",
            hasItems(
                "service-request.created",
                "service-request.started",
                "service-request.responded",
                "service-request.waiting",
                "service-request.resumed",
                "service-request.resolved",
                "service-request.closed"));
    Api.as("admin.li")
        .get("/api/v1/events?types=repair.*,packing-list.*&limit=1000&after=" + head)
        .then()
        .statusCode(200)
        .body(
            "data.type",
            hasItems(
                "repair.created",
                "repair.scheduled",
                "repair.started",
                "repair.completed",
                "packing-list.shipped",
                "packing-list.delivered"));
    Api.as("agent.sun")
        .get("/api/v1/repairs/" + repairId + "/history?limit=100")
        .then()
        .body("data.action", hasItems("created", "scheduled", "started", "completed"));
    Api.as("admin.li")
        .get("/api/v1/events?types=service-contract.*&limit=1000&after=" + head)
        .then()
        .body(
            "data.findAll { it.resourceId == '" + serviceContract + "' }.type",
            hasItem("service-contract.entitlement-consumed"));
    // ... and on the customer's timeline.
    Api.as("admin.li")
        .get("/api/v1/customers/" + customer + "/timeline?limit=100")
        .then()
        .statusCode(200)
        .body("data.kind", hasItems("service-request", "satisfaction"))
        .body("data.recordId", hasItems(request, survey));
  }
}
