package dev.headlesscrm.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.sales.SalesChainTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Routing of service requests (issue 15 point 5): the most suitable available member of the first
 * queue that takes a request, overflow when none can, waiting in the queue's department when no
 * queue has room, and every decision kept with its candidates and reasons.
 */
@QuarkusTest
class RoutingTest {

  static final String P = "0193a000-0000-7000-8000-0000000000";
  static final String ADMIN = P + "e1";
  static final String WANG = P + "e2";
  static final String CHEN = P + "e4";
  static final String ZHAO = P + "e6";
  static final String SUN = P + "e7";
  static final String SERVICE_DEPT = P + "d5";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  /** The agent's profile, made or replaced (profiles outlive test runs: one per employee). */
  static String profile(String employee, Map<String, Object> body) {
    body.put("employeeId", employee);
    List<String> ids =
        Api.as("admin.li")
            .get("/api/v1/agent-profiles?filter=employeeId==" + employee)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data.id");
    if (ids.isEmpty()) {
      return Api.as("admin.li")
          .body(body)
          .post("/api/v1/agent-profiles")
          .then()
          .statusCode(201)
          .extract()
          .path("id");
    }
    Map<String, Object> patch = new HashMap<>(body);
    patch.putIfAbsent("calendarId", null);
    patch.putIfAbsent("available", true);
    Api.as("admin.li")
        .body(patch)
        .patch("/api/v1/agent-profiles/" + ids.get(0))
        .then()
        .statusCode(200);
    return ids.get(0);
  }

  static String queue(String name, int rank, List<String> members, String overflow) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name + System.nanoTime());
    body.put("rank", rank);
    body.put("departmentId", SERVICE_DEPT);
    body.put("memberIds", members);
    body.put("categories", List.of("HARDWARE"));
    body.put("requestTypes", List.of("REPAIR"));
    body.put("typeWeights", List.of(Map.of("type", "REPAIR", "weight", 2)));
    body.put("overflowQueueId", overflow);
    return Api.as("admin.li")
        .body(body)
        .post("/api/v1/service-queues")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static JsonPath hardwareRepair(String by) {
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", SalesChainTest.customer("rep.zhang"));
    body.put("channel", "PHONE");
    body.put("type", "REPAIR");
    body.put("category", "HARDWARE");
    body.put("subject", "主板故障");
    return Api.as(by)
        .body(body)
        .post("/api/v1/service-requests")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  static List<Map<String, Object>> routing(String id) {
    return Api.as("admin.li")
        .get("/api/v1/service-requests/" + id + "/routing")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data");
  }

  @Test
  void routedToTheMostSuitableThenOverflowThenTheQueueWaits() {
    // Earlier runs' queues of rank 1 step aside.
    for (Map<String, Object> q :
        Api.as("admin.li")
            .get("/api/v1/service-queues?filter=rank=in=(1,2);active==true&limit=100")
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
    // A calendar with today as a holiday: its agent is not at work.
    String closed =
        Api.as("admin.li")
            .body(
                Map.of(
                    "name", Api.uniqueCode("今日休"),
                    "weeklyHours",
                        List.of(
                            Map.of("day", "MONDAY", "from", "00:00", "to", "24:00"),
                            Map.of("day", "TUESDAY", "from", "00:00", "to", "24:00"),
                            Map.of("day", "WEDNESDAY", "from", "00:00", "to", "24:00"),
                            Map.of("day", "THURSDAY", "from", "00:00", "to", "24:00"),
                            Map.of("day", "FRIDAY", "from", "00:00", "to", "24:00"),
                            Map.of("day", "SATURDAY", "from", "00:00", "to", "24:00"),
                            Map.of("day", "SUNDAY", "from", "00:00", "to", "24:00")),
                    "holidays", List.of(TODAY.toString(), TODAY.plusDays(1).toString())))
            .post("/api/v1/business-calendars")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    List<Map<String, Object>> hardware = List.of(Map.of("category", "HARDWARE", "level", 2));
    profile(SUN, new HashMap<>(Map.of("capacity", 100, "skills", hardware)));
    profile(
        CHEN,
        new HashMap<>(
            Map.of(
                "capacity",
                100,
                "available",
                false,
                "skills",
                List.of(Map.of("category", "HARDWARE", "level", 5)))));
    profile(
        ZHAO,
        new HashMap<>(
            Map.of(
                "capacity",
                100,
                "calendarId",
                closed,
                "skills",
                List.of(Map.of("category", "HARDWARE", "level", 4)))));
    profile(ADMIN, new HashMap<>(Map.of("capacity", 100, "skills", List.of())));
    String overflow = queue("二线", 2, List.of(ADMIN), null);
    String first = queue("硬件报修", 1, List.of(SUN, CHEN, ZHAO, WANG), overflow);

    // 1. agent.sun is the only eligible member.
    JsonPath r = hardwareRepair("admin.li");
    String id = r.getString("id");
    assertEquals(SUN, r.getString("ownerId"));
    assertEquals("ASSIGNED", r.getString("status"));
    assertEquals(first, r.getString("queueId"));
    Map<String, Object> d = routing(id).get(0);
    assertEquals(SUN, d.get("chosenId"));
    assertEquals("created", d.get("trigger"));
    assertTrue(((String) d.get("reason")).contains("only eligible"), d.toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> candidates = (List<Map<String, Object>>) d.get("candidates");
    Map<String, List<String>> why = new HashMap<>();
    candidates.forEach(
        c -> why.put((String) c.get("employeeId"), castList(c.get("refusedBecause"))));
    assertEquals(List.of(), why.get(SUN));
    assertEquals(List.of("not available"), why.get(CHEN));
    assertEquals(List.of("outside working hours"), why.get(ZHAO));
    assertEquals(List.of("no agent profile"), why.get(WANG));
    Api.as("agent.sun")
        .queryParam("limit", 100)
        .get("/api/v1/me/notifications")
        .then()
        .body(
            "data.find { it.recordId == '" + id + "' }.kind", equalTo("service-request-assigned"));

    // 2. Sun's capacity full (a repair weighs 2 here): the request overflows to the second line.
    int load = 0;
    for (Map<String, Object> open :
        Api.as("admin.li")
            .get(
                "/api/v1/service-requests?filter=ownerId=="
                    + SUN
                    + ";status=out=(RESOLVED,CLOSED)&limit=500")
            .then()
            .extract()
            .jsonPath()
            .<Map<String, Object>>getList("data")) {
      load += "REPAIR".equals(open.get("type")) ? 2 : 1;
    }
    profile(SUN, new HashMap<>(Map.of("capacity", load + 1, "skills", hardware)));
    JsonPath overflowed = hardwareRepair("admin.li");
    assertEquals(ADMIN, overflowed.getString("ownerId"));
    assertEquals(overflow, overflowed.getString("queueId"));
    Map<String, Object> od = routing(overflowed.getString("id")).get(0);
    assertEquals(List.of(first, overflow), od.get("queuesTried"));
    assertTrue(((String) od.get("reason")).startsWith("Overflowed from"), od.toString());

    // 3. Nobody anywhere: it waits in the second line's queue, seen by its department.
    profile(ADMIN, new HashMap<>(Map.of("capacity", 100, "available", false, "skills", List.of())));
    JsonPath waiting = hardwareRepair("admin.li");
    assertEquals("NEW", waiting.getString("status"));
    assertEquals(null, waiting.getString("ownerId"));
    assertEquals(SERVICE_DEPT, waiting.getString("ownerDepartmentId"));
    String waitingId = waiting.getString("id");
    Api.as("agent.sun").get("/api/v1/service-requests/" + waitingId).then().statusCode(200);

    // 4. Room again: routing again gives it to the second line; both decisions are kept.
    profile(ADMIN, new HashMap<>(Map.of("capacity", 100, "skills", List.of())));
    Api.as("agent.sun")
        .post("/api/v1/service-requests/" + waitingId + "/route")
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(ADMIN))
        .body("status", equalTo("ASSIGNED"));
    List<Map<String, Object>> both = routing(waitingId);
    assertEquals(2, both.size());
    assertEquals("route", both.get(0).get("trigger"));
    assertEquals(null, both.get(1).get("chosenId"));
    Api.as("admin.li")
        .body(
            Map.of(
                "query",
                "{ serviceRequestRoutings(id: \""
                    + waitingId
                    + "\") { trigger chosenId candidates { employeeId place } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.serviceRequestRoutings[0].chosenId", equalTo(ADMIN));
    // A rep may not route (it hands the request over).
    Api.as("rep.zhang")
        .post("/api/v1/service-requests/" + waitingId + "/route")
        .then()
        .statusCode(403);

    Api.as("admin.li")
        .body(Map.of("active", false))
        .patch("/api/v1/service-queues/" + first)
        .then()
        .statusCode(200);
    Api.as("admin.li")
        .body(Map.of("active", false))
        .patch("/api/v1/service-queues/" + overflow)
        .then()
        .statusCode(200);
  }

  @SuppressWarnings("unchecked")
  static List<String> castList(Object o) {
    return (List<String>) o;
  }

  @Test
  void queuesRefuseAnOverflowCycle() {
    String a = queue("环A", 3, List.of(), null);
    String b = queue("环B", 3, List.of(), a);
    Api.as("admin.li")
        .body(Map.of("overflowQueueId", b))
        .patch("/api/v1/service-queues/" + a)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("overflowQueueId"));
    for (String q : List.of(a, b)) {
      Api.as("admin.li")
          .body(Map.of("active", false))
          .patch("/api/v1/service-queues/" + q)
          .then()
          .statusCode(200);
    }
  }
}
