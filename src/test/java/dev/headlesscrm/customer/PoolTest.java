package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.customer.application.CustomerService;
import dev.headlesscrm.customer.application.PoolReturnJob;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
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
 * The public pool (公海, issue 13) with a controllable clock: the return job runs as of the time a
 * test chooses (the scheduler is off in tests). A pool's rule here covers only the customers tagged
 * for the test, and every test deactivates its pool at the end, so pools never govern each other's
 * customers.
 */
@QuarkusTest
class PoolTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";
  static final String CHEN = "0193a000-0000-7000-8000-0000000000e4";
  static final String WANG = Api.MANAGER_WANG;

  @Inject PoolReturnJob job;
  @Inject CustomerService customers;

  static Map<String, Object> rule(String name, String tag, Integer noFollowUpDays) {
    Map<String, Object> rule = new HashMap<>();
    rule.put("name", name);
    rule.put("filter", "tags==" + tag);
    rule.put("daysWithoutFollowUp", noFollowUpDays);
    return rule;
  }

  static Map<String, Object> pool(String tag, Map<String, Object> rule) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "公海 " + tag);
    body.put("memberEmployeeIds", List.of(ZHANG, CHEN));
    body.put("adminIds", List.of(WANG));
    body.put("rules", List.of(rule));
    body.put("warnDaysBefore", 3);
    body.put("escalateDaysBefore", 1);
    body.put("dailyClaimLimit", 1);
    body.put("coolingOffDays", 7);
    body.put("hiddenFields", List.of("mainPhone", "email"));
    return body;
  }

  static String createPool(Map<String, Object> body) {
    return Api.asAdmin()
        .body(body)
        .post("/api/v1/customer-pools")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Deactivated, the pool governs nobody: the next test's pool governs its own customers. */
  static void retire(String poolId) {
    Api.asAdmin()
        .body(Map.of("active", false))
        .contentType("application/merge-patch+json")
        .patch("/api/v1/customer-pools/" + poolId)
        .then()
        .statusCode(200);
  }

  static String customer(String tag, String name) {
    Map<String, Object> body = Customers.customer(name);
    body.put("tags", List.of(tag));
    body.put("mainPhone", "021-5555" + (System.nanoTime() % 10000));
    body.put("email", "pool" + System.nanoTime() + "@example.com");
    return Customers.create(body).path("id");
  }

  static JsonPath read(String user, String id) {
    return Api.as(user).get("/api/v1/customers/" + id).then().statusCode(200).extract().jsonPath();
  }

  static List<Map<String, Object>> notifications(String user, String kind, String recordId) {
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

  static List<String> historyActions(String id) {
    return Api.asAdmin()
        .queryParam("limit", 200)
        .get("/api/v1/customers/" + id + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data.action");
  }

  @Test
  void aNeglectedCustomerIsWarnedEscalatedReturnedAndClaimedWithinTheLimits() {
    String tag = "pool" + System.nanoTime();
    String poolId = createPool(pool(tag, rule("十天未跟进", tag, 10)));
    try {
      String id = customer(tag, "公海客户 " + tag);
      String contact = Customers.contact(id, "公海联系人");
      JsonPath c = read("rep.zhang", id);
      String phone = c.getString("mainPhone");
      Instant created = Instant.parse(c.getString("ownedSince"));
      Instant returnAt = Instant.parse(c.getString("poolReturnAt"));
      assertEquals(created.plus(Duration.ofDays(10)), returnAt);
      assertEquals(poolId, c.getString("poolReturnPoolId"));
      assertEquals("十天未跟进", c.getString("poolReturnRule"));
      assertEquals("NO_FOLLOW_UP", c.getString("poolReturnCriterion"));

      // The return date is filterable and sortable like any field.
      Api.as("rep.zhang")
          .queryParam("filter", "tags==" + tag + ";poolReturnAt=le=" + returnAt)
          .queryParam("sort", "poolReturnAt")
          .get("/api/v1/customers")
          .then()
          .statusCode(200)
          .body("data.id", equalTo(List.of(id)));

      // A follow-up pushes it back: ten days from the follow-up.
      Instant followedUp = created.plus(Duration.ofDays(2));
      Api.as("rep.zhang")
          .body(
              Map.of(
                  "customerId",
                  id,
                  "method",
                  "CALL",
                  "content",
                  "电话回访",
                  "followedUpAt",
                  followedUp.toString()))
          .post("/api/v1/follow-ups")
          .then()
          .statusCode(201);
      returnAt = Instant.parse(read("rep.zhang", id).getString("poolReturnAt"));
      assertEquals(followedUp.plus(Duration.ofDays(10)), returnAt);

      // The preview: not by five days from now, yes by the return date.
      Api.as("rep.zhang")
          .queryParam("until", created.plus(Duration.ofDays(5)).toString())
          .queryParam("poolId", poolId)
          .get("/api/v1/customer-pools/returns")
          .then()
          .statusCode(200)
          .body("data.id", not(hasItem(id)));
      Api.as("rep.zhang")
          .queryParam("until", returnAt.toString())
          .queryParam("poolId", poolId)
          .get("/api/v1/customer-pools/returns")
          .then()
          .statusCode(200)
          .body("data.id", hasItem(id));

      // Three days ahead the owner is warned, once however often the job runs.
      PoolReturnJob.Outcome warned = job.run(returnAt.minus(Duration.ofDays(2)));
      assertTrue(warned.ran());
      job.run(returnAt.minus(Duration.ofDays(2)).plusSeconds(60));
      List<Map<String, Object>> warnings = notifications("rep.zhang", "pool-warning", id);
      assertEquals(1, warnings.size());
      assertEquals(returnAt.toString(), ((Map<?, ?>) warnings.get(0).get("data")).get("returnAt"));
      assertTrue(notifications("manager.wang", "pool-escalation", id).isEmpty());

      // A day ahead it escalates to the owner's supervisor.
      job.run(returnAt.minus(Duration.ofHours(12)));
      assertEquals(1, notifications("manager.wang", "pool-escalation", id).size());
      assertEquals(ZHANG, read("rep.zhang", id).getString("ownerId"), "still zhang's");

      // Then it returns, with its rule as the reason; the phone and e-mail are withheld.
      PoolReturnJob.Outcome returned = job.run(returnAt.plusSeconds(1));
      assertTrue(returned.returned() >= 1);
      JsonPath inPool = read("admin.li", id);
      assertEquals(poolId, inPool.getString("poolId"));
      assertNull(inPool.get("ownerId"));
      assertEquals(ZHANG, inPool.getString("previousOwnerId"));
      assertEquals("十天未跟进: NO_FOLLOW_UP", inPool.getString("poolEntryReason"));
      assertNull(inPool.get("poolReturnAt"));
      assertFalse(inPool.getMap("$").containsKey("mainPhone"), "withheld from every reader");
      assertEquals(List.of("mainPhone", "email"), inPool.getList("hiddenFields"));
      assertTrue(historyActions(id).contains("returned-to-pool"));
      assertEquals(1, notifications("rep.zhang", "pool-returned", id).size());

      // A member sees it in the pool, without the withheld fields, and cannot query by them.
      Api.as("rep.chen")
          .get("/api/v1/customer-pools/" + poolId + "/customers")
          .then()
          .statusCode(200)
          .body("data.id", hasItem(id))
          .body("data.find { it.id == '" + id + "' }", not(hasKey("mainPhone")))
          .body("data.find { it.id == '" + id + "' }", not(hasKey("email")))
          .body("data.find { it.id == '" + id + "' }.name", equalTo("公海客户 " + tag));
      Api.as("rep.chen")
          .queryParam("filter", "mainPhone==021-5555")
          .get("/api/v1/customer-pools/" + poolId + "/customers")
          .then()
          .statusCode(400)
          .body("errors.field", hasItem("filter"));
      Api.as("rep.chen")
          .get("/api/v1/customers/" + id)
          .then()
          .statusCode(200)
          .body("$", not(hasKey("mainPhone")));
      // Nor in an export, even an administrator's.
      String csv =
          Api.asAdmin()
              .queryParam("filter", "id==" + id)
              .queryParam("format", "csv")
              .get("/api/v1/customers/export")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      assertTrue(csv.contains("公海客户 " + tag), csv);
      assertFalse(csv.contains(phone), csv);
      // Nor do the past values of the withheld fields show in its history.
      Api.as("rep.chen")
          .queryParam("limit", 200)
          .get("/api/v1/customers/" + id + "/history")
          .then()
          .statusCode(200)
          .body("data.find { it.action == 'created' }.changes", not(hasKey("mainPhone")))
          .body("data.find { it.action == 'created' }.changes", hasKey("name"));
      // A rep outside the pool does not see it at all. (The service desk reads every customer,
      // pool customers included: its roles' scope for customers is ALL.)
      Api.as("newcomer.zhou").get("/api/v1/customers/" + id).then().statusCode(404);
      Api.as("agent.sun").get("/api/v1/customers/" + id).then().statusCode(200);

      // The previous owner waits out the cooling-off.
      Api.as("rep.zhang")
          .post("/api/v1/customers/" + id + "/claim")
          .then()
          .statusCode(409)
          .body("limit", equalTo("cooling-off"));
      // Another member claims it: owner, contacts and withheld fields are theirs again.
      Api.as("rep.chen")
          .post("/api/v1/customers/" + id + "/claim")
          .then()
          .statusCode(200)
          .body("ownerId", equalTo(CHEN))
          .body("poolId", nullValue())
          .body("mainPhone", containsString("021-5555"))
          .body("hiddenFields", equalTo(List.of()));
      Api.as("rep.chen")
          .get("/api/v1/contacts/" + contact)
          .then()
          .statusCode(200)
          .body("ownerId", equalTo(CHEN));
      assertTrue(historyActions(id).contains("claimed"));
      // Claimed again: the rules count from the later of the claim and the last follow-up.
      JsonPath claimed = read("rep.chen", id);
      Instant claimedAt = Instant.parse(claimed.getString("ownedSince"));
      Instant from = claimedAt.isAfter(followedUp) ? claimedAt : followedUp;
      assertEquals(
          from.plus(Duration.ofDays(10)), Instant.parse(claimed.getString("poolReturnAt")));

      // The daily limit (one): chen's second claim today is refused.
      String second = customer(tag, "第二个公海客户 " + tag);
      Api.as("rep.zhang")
          .body(Map.of("reason", "客户暂无需求"))
          .post("/api/v1/customers/" + second + "/put-back")
          .then()
          .statusCode(200)
          .body("poolId", equalTo(poolId))
          .body("poolEntryReason", equalTo("客户暂无需求"));
      Api.as("rep.chen")
          .post("/api/v1/customers/" + second + "/claim")
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("limit", equalTo("daily-claim-limit"))
          .body("max", equalTo(1))
          .body("current", equalTo(1));
      assertNull(read("admin.li", second).get("ownerId"), "a refused claim changes nothing");

      // The ownership cap holds for assignment by the pool's administrator.
      int owned =
          Api.asAdmin()
              .queryParam("filter", "ownerId==" + CHEN + ";status!=WON")
              .queryParam("count", true)
              .queryParam("limit", 1)
              .get("/api/v1/customers")
              .then()
              .statusCode(200)
              .extract()
              .path("page.total");
      Api.asAdmin()
          .body(Map.of("ownershipCap", owned))
          .contentType("application/merge-patch+json")
          .patch("/api/v1/customer-pools/" + poolId)
          .then()
          .statusCode(200);
      Api.as("rep.chen")
          .body(Map.of("ownerId", CHEN))
          .post("/api/v1/customers/" + second + "/assign")
          .then()
          .statusCode(403);
      Api.as("manager.wang")
          .body(Map.of("ownerId", CHEN))
          .post("/api/v1/customers/" + second + "/assign")
          .then()
          .statusCode(409)
          .body("limit", equalTo("ownership-cap"));
      Api.asAdmin()
          .body(Map.of("ownershipCap", owned + 1))
          .contentType("application/merge-patch+json")
          .patch("/api/v1/customer-pools/" + poolId)
          .then()
          .statusCode(200);
      Api.as("manager.wang")
          .body(Map.of("ownerId", CHEN))
          .post("/api/v1/customers/" + second + "/assign")
          .then()
          .statusCode(200)
          .body("ownerId", equalTo(CHEN));
      assertEquals(1, notifications("rep.chen", "record-transferred", second).size());
    } finally {
      retire(poolId);
    }
  }

  @Test
  void aLockedCustomerIsExemptWithinTheLockCapAndARuleChangeMovesEveryReturnDate() {
    String tag = "lock" + System.nanoTime();
    Map<String, Object> body = pool(tag, rule("五天未跟进", tag, 5));
    body.put("lockCap", 1);
    String poolId = createPool(body);
    try {
      String a = customer(tag, "锁定客户A " + tag);
      String b = customer(tag, "锁定客户B " + tag);
      assertNotNull(read("rep.zhang", a).get("poolReturnAt"));
      long v = read("rep.zhang", a).getLong("version");
      Api.as("rep.zhang")
          .post("/api/v1/customers/" + a + "/lock")
          .then()
          .statusCode(200)
          .body("locked", equalTo(true))
          .body("poolReturnAt", nullValue())
          .body("version", equalTo((int) v + 1));
      Api.as("rep.zhang")
          .post("/api/v1/customers/" + a + "/lock")
          .then()
          .statusCode(409)
          .body("state", equalTo("LOCKED"));
      // zhang already keeps one locked customer (the cap may count others of earlier tests).
      Api.as("rep.zhang")
          .post("/api/v1/customers/" + b + "/lock")
          .then()
          .statusCode(409)
          .body("limit", equalTo("lock-cap"));
      Api.as("rep.zhang")
          .post("/api/v1/customers/" + a + "/unlock")
          .then()
          .statusCode(200)
          .body("locked", equalTo(false));
      Instant before = Instant.parse(read("rep.zhang", a).getString("poolReturnAt"));
      long versionBefore = read("rep.zhang", a).getLong("version");

      // Twenty days instead of five: every covered customer moves at once, through its version.
      Api.asAdmin()
          .body(Map.of("rules", List.of(rule("二十天未跟进", tag, 20))))
          .contentType("application/merge-patch+json")
          .patch("/api/v1/customer-pools/" + poolId)
          .then()
          .statusCode(200);
      JsonPath after = read("rep.zhang", a);
      assertEquals(
          before.plus(Duration.ofDays(15)), Instant.parse(after.getString("poolReturnAt")));
      assertEquals("二十天未跟进", after.getString("poolReturnRule"));
      assertEquals(versionBefore + 1, after.getLong("version"));
      assertTrue(historyActions(a).contains("pool-rules-applied"));
    } finally {
      retire(poolId);
    }
    // Retired, the pool governs nobody: the return date is gone.
    Api.asAdmin()
        .queryParam("filter", "tags==" + tag + ";poolReturnAt=isnull=false")
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("data", equalTo(List.of()));
  }

  @Test
  void theReturnJobOnTwoInstancesAtOnceReturnsEachCustomerOnce() throws Exception {
    String tag = "race" + System.nanoTime();
    String poolId = createPool(pool(tag, rule("一天未跟进", tag, 1)));
    try {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        ids.add(customer(tag, "并发回收 " + i + " " + tag));
      }
      Instant at = Instant.now().plus(Duration.ofDays(2));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        // Two whole runs at once (one takes the lock; the other skips or finds nothing due)...
        List<Future<PoolReturnJob.Outcome>> runs = new ArrayList<>();
        Callable<PoolReturnJob.Outcome> run = () -> job.run(at);
        runs.add(pool.submit(run));
        runs.add(pool.submit(run));
        int returned = 0;
        for (Future<PoolReturnJob.Outcome> f : runs) {
          returned += f.get().returned();
        }
        assertEquals(6, returned);
      } finally {
        pool.shutdown();
      }
      for (String id : ids) {
        assertEquals(
            1,
            historyActions(id).stream().filter("returned-to-pool"::equals).count(),
            "returned once: " + id);
        assertEquals(poolId, read("admin.li", id).getString("poolId"));
      }
      // ...and, without the run's lock, the same customer returned by two workers at once.
      String more = customer(tag, "并发回收 再一个 " + tag);
      ExecutorService two = Executors.newFixedThreadPool(2);
      try {
        Callable<Boolean> step = () -> customers.returnIfDue(java.util.UUID.fromString(more), at);
        Future<Boolean> first = two.submit(step);
        Future<Boolean> second = two.submit(step);
        assertEquals(1, (first.get() ? 1 : 0) + (second.get() ? 1 : 0));
      } finally {
        two.shutdown();
      }
      assertEquals(1, historyActions(more).stream().filter("returned-to-pool"::equals).count());
    } finally {
      retire(poolId);
    }
  }

  @Test
  void aPoolIsValidatedAndSetUpByManagersOnly() {
    String tag = "bad" + System.nanoTime();
    Map<String, Object> badFilter = pool(tag, rule("坏规则", tag, 3));
    ((Map<String, Object>) ((List<?>) badFilter.get("rules")).get(0)).put("filter", "nosuch==1");
    Api.asAdmin()
        .body(badFilter)
        .post("/api/v1/customer-pools")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("rules[0].filter"));
    Map<String, Object> noDays = pool(tag, rule("无天数", tag, null));
    Api.asAdmin()
        .body(noDays)
        .post("/api/v1/customer-pools")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("rules[0]"));
    Map<String, Object> hidesName = pool(tag, rule("规则", tag, 3));
    hidesName.put("hiddenFields", List.of("name"));
    Api.asAdmin()
        .body(hidesName)
        .post("/api/v1/customer-pools")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("hiddenFields"));
    Map<String, Object> ghost = pool(tag, rule("规则", tag, 3));
    ghost.put("memberEmployeeIds", List.of("0193a000-0000-7000-8000-00000000ffff"));
    Api.asAdmin()
        .body(ghost)
        .post("/api/v1/customer-pools")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("memberEmployeeIds"));
    Api.as("rep.zhang")
        .body(pool(tag, rule("规则", tag, 3)))
        .post("/api/v1/customer-pools")
        .then()
        .statusCode(403);
    Api.as("rep.zhang").get("/api/v1/customer-pools").then().statusCode(200);

    // A pool holding customers is not deleted.
    String poolId = createPool(pool(tag, rule("规则", tag, 3)));
    try {
      String id = customer(tag, "删除公海 " + tag);
      Api.as("rep.zhang")
          .body(Map.of("reason", "测试"))
          .post("/api/v1/customers/" + id + "/put-back")
          .then()
          .statusCode(200);
      long v = Api.asAdmin().get("/api/v1/customer-pools/" + poolId).jsonPath().getLong("version");
      Api.asAdmin()
          .header("If-Match", "W/\"" + v + "\"")
          .delete("/api/v1/customer-pools/" + poolId)
          .then()
          .statusCode(409);
      // A customer in the pool is changed by claiming it, not by PATCH.
      Api.as("rep.chen")
          .body(Map.of("city", "上海"))
          .contentType("application/merge-patch+json")
          .patch("/api/v1/customers/" + id)
          .then()
          .statusCode(403);
    } finally {
      retire(poolId);
    }
  }

  @Test
  void thePoolMovesOverGraphQl() {
    String tag = "gql" + System.nanoTime();
    String poolId = createPool(pool(tag, rule("三天未跟进", tag, 3)));
    try {
      String id = customer(tag, "GraphQL 公海 " + tag);
      Api.as("rep.zhang")
          .body(Map.of("reason", "转交公海"))
          .post("/api/v1/customers/" + id + "/put-back")
          .then()
          .statusCode(200);
      Api.as("rep.chen")
          .body(
              Map.of(
                  "query",
                  "{ poolCustomers(poolId: \""
                      + poolId
                      + "\") { edges { node { id name mainPhone hiddenFields } } } }"))
          .post("/graphql")
          .then()
          .statusCode(200)
          .body("errors", nullValue())
          .body("data.poolCustomers.edges.node.id", hasItem(id))
          .body(
              "data.poolCustomers.edges.node.find { it.id == '" + id + "' }.mainPhone",
              nullValue());
      Api.as("rep.chen")
          .body(
              Map.of(
                  "query",
                  "mutation { claimCustomer(id: \"" + id + "\") { id ownerId poolId mainPhone } }"))
          .post("/graphql")
          .then()
          .statusCode(200)
          .body("errors", nullValue())
          .body("data.claimCustomer.ownerId", equalTo(CHEN))
          .body("data.claimCustomer.mainPhone", containsString("021-5555"));
      Api.as("rep.chen")
          .body(
              Map.of(
                  "query",
                  "{ poolReturns(until: \""
                      + Instant.now().plus(Duration.ofDays(4))
                      + "\", poolId: \""
                      + poolId
                      + "\") { edges { node { id poolReturnAt poolReturnCriterion } } } }"))
          .post("/graphql")
          .then()
          .statusCode(200)
          .body("errors", nullValue())
          .body("data.poolReturns.edges.node.id", hasItem(id));
    } finally {
      retire(poolId);
    }
  }
}
