package dev.headlesscrm.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A 1,000-operation batch is written a chunk per transaction, yet every operation keeps the rules
 * of its single call: the failures scattered through it (validation, permission, If-Match, a record
 * outside the caller's scope) fail alone, with their problem, and everything else is written once,
 * with its history and event, and numbers without gaps.
 */
@QuarkusTest
class BulkBatchTest {

  private static Map<String, Object> upsert(String externalId, Map<String, Object> data) {
    Map<String, Object> op = new HashMap<>();
    op.put("op", "upsert");
    op.put("externalId", externalId);
    op.put("data", data);
    return op;
  }

  private static int count(String filter) {
    return Api.as("rep.zhang")
        .queryParam("filter", filter)
        .queryParam("count", true)
        .queryParam("limit", 1)
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .extract()
        .path("page.total");
  }

  @Test
  void failuresInsideAThousandOperationsFailAlone() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String mine = Customers.createId("批量已有 " + run);
    String chens =
        Api.as("rep.chen")
            .body(Map.of("name", "别人的客户 " + run))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<Integer, Integer> expected = new HashMap<>();
    List<Map<String, Object>> ops = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ops.add(upsert("BB-" + run + "-" + i, Map.of("name", "批量 " + run + " " + i, "city", "杭州")));
      expected.put(i, 201);
    }
    ops.set(7, upsert("BB-" + run + "-7", Map.of("name", "", "email", "not-an-email")));
    expected.put(7, 422);
    ops.set(
        250,
        Map.of("op", "update", "id", mine, "ifMatch", "W/\"99\"", "data", Map.of("city", "x")));
    expected.put(250, 412);
    ops.set(
        251,
        Map.of("op", "update", "id", mine, "ifMatch", "W/\"0\"", "data", Map.of("city", "宁波")));
    expected.put(251, 200);
    ops.set(600, Map.of("op", "delete", "id", chens));
    expected.put(600, 404);
    ops.set(
        998,
        Map.of(
            "op",
            "create",
            "data",
            Map.of(
                "name",
                "批量 " + run + " 998",
                "externalId",
                "BB-" + run + "-998",
                "creditLimit",
                5)));
    expected.put(998, 403); // a rep may not write the credit limit (field permission)
    ops.set(999, upsert("BB-" + run + "-999", Map.of("name", "批量 " + run + " 999", "salary", 1)));
    expected.put(999, 422);

    JsonPath results =
        Api.as("rep.zhang")
            .body(Map.of("atomic", false, "operations", ops))
            .post("/api/v1/customers/batch")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Integer> statuses = results.getList("results.status");
    assertEquals(1000, statuses.size());
    for (int i = 0; i < 1000; i++) {
      assertEquals(expected.get(i), statuses.get(i), "status of operation " + i);
      assertEquals(i, (int) results.getInt("results[" + i + "].index"));
    }
    assertEquals("/problems/validation", results.getString("results[7].problem.type"));
    assertEquals("/problems/precondition-failed", results.getString("results[250].problem.type"));

    // Written once each: 994 created, the update applied once, chen's customer untouched.
    assertEquals(994, count("externalId=like=BB-" + run));
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + mine)
        .then()
        .statusCode(200)
        .body("city", org.hamcrest.Matchers.equalTo("宁波"))
        .body("version", org.hamcrest.Matchers.equalTo(1));
    Api.as("rep.chen").get("/api/v1/customers/" + chens).then().statusCode(200);

    // Each created customer has its history entry and its event.
    String created = results.getString("results[500].id");
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + created + "/history")
        .then()
        .statusCode(200)
        .body("data.action", org.hamcrest.Matchers.contains("created"));

    // Numbers without gaps: the chunks that were rolled back gave theirs back.
    TreeSet<Long> numbers = new TreeSet<>();
    String cursor = null;
    do {
      var page =
          Api.as("rep.zhang")
              .queryParam("filter", "externalId=like=BB-" + run)
              .queryParam("fields", "number")
              .queryParam("limit", 500);
      if (cursor != null) {
        page.queryParam("cursor", cursor);
      }
      JsonPath p = page.get("/api/v1/customers").then().statusCode(200).extract().jsonPath();
      for (String n : p.getList("data.number", String.class)) {
        numbers.add(Long.parseLong(n.replaceAll("\\D", "")));
      }
      cursor = p.getString("page.nextCursor");
    } while (cursor != null);
    assertEquals(994, numbers.size());
    assertEquals(993, numbers.last() - numbers.first(), "numbers " + numbers.first() + "…");
  }

  @Test
  void anAtomicThousandWithOneFailureWritesNothing() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, Object>> ops = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ops.add(upsert("BA-" + run + "-" + i, Map.of("name", "原子批量 " + i)));
    }
    ops.set(640, upsert("BA-" + run + "-640", Map.of("name", "")));
    JsonPath results =
        Api.as("rep.zhang")
            .body(Map.of("atomic", true, "operations", ops))
            .post("/api/v1/customers/batch")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(422, results.getInt("results[640].status"));
    assertEquals(424, results.getInt("results[0].status"));
    assertEquals(424, results.getInt("results[999].status"));
    assertEquals(0, count("externalId=like=BA-" + run));
  }

  @Test
  void aRetriedBatchWithItsIdempotencyKeyIsNotWrittenTwice() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, Object>> ops = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Map<String, Object> op = new HashMap<>();
      op.put("op", "create");
      op.put("data", Map.of("name", "幂等批量 " + run + " " + i, "tags", List.of("bi-" + run)));
      ops.add(op);
    }
    String key = "batch-" + run;
    JsonPath first =
        Api.as("rep.zhang")
            .header("Idempotency-Key", key)
            .body(Map.of("operations", ops))
            .post("/api/v1/customers/batch")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath again =
        Api.as("rep.zhang")
            .header("Idempotency-Key", key)
            .body(Map.of("operations", ops))
            .post("/api/v1/customers/batch")
            .then()
            .statusCode(200)
            .header("Idempotency-Replayed", "true")
            .extract()
            .jsonPath();
    assertEquals(first.getList("results.id"), again.getList("results.id"));
    assertEquals(300, count("tags==bi-" + run));
    assertTrue(first.getList("results.status").stream().allMatch(s -> s.equals(201)));
  }

  /**
   * A chunk is written in bulk, so a unique key that one of its creates breaks is found only when
   * the chunk is flushed: the chunk is then run again an operation at a time (non-atomic) or the
   * whole batch again one by one (atomic), and the failure is still reported at its operation.
   */
  @Test
  void aConstraintFoundAtTheChunksFlushStillFailsAtItsOperation() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String taken = "BD-" + run + "-taken";
    Api.as("rep.zhang")
        .body(Map.of("name", "已占用 " + run, "externalId", taken))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
    for (boolean atomic : List.of(false, true)) {
      String tag = (atomic ? "a" : "n") + run;
      List<Map<String, Object>> ops = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        ops.add(
            upsert(
                "BD-" + tag + "-" + i,
                Map.of("name", "延迟约束 " + tag + " " + i, "tags", List.of(tag))));
      }
      Map<String, Object> duplicate = new HashMap<>();
      duplicate.put("op", "create");
      duplicate.put("data", Map.of("name", "重复外部 id " + tag, "externalId", taken));
      ops.set(120, duplicate);
      JsonPath results =
          Api.as("rep.zhang")
              .body(Map.of("atomic", atomic, "operations", ops))
              .post("/api/v1/customers/batch")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertEquals(409, results.getInt("results[120].status"), "atomic " + atomic);
      assertEquals("/problems/conflict", results.getString("results[120].problem.type"));
      List<Integer> statuses = results.getList("results.status");
      for (int i = 0; i < 250; i++) {
        if (i != 120) {
          assertEquals(atomic ? 424 : 201, statuses.get(i), "operation " + i + " atomic " + atomic);
        }
      }
      assertEquals(atomic ? 0 : 249, count("tags==" + tag));
    }
  }

  /** Two upserts of one external id in one chunk: the second updates what the first created. */
  @Test
  void aChunkSeesWhatItCreated() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String x = "BS-" + run;
    JsonPath results =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "operations",
                    List.of(
                        upsert(x, Map.of("name", "同批 " + run, "city", "杭州")),
                        upsert(x, Map.of("name", "同批 " + run, "city", "宁波")))))
            .post("/api/v1/customers/batch")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(201, 200), results.getList("results.status"));
    assertEquals(results.getString("results[0].id"), results.getString("results[1].id"));
    assertEquals(1, results.getInt("results[1].version"));
    String id = results.getString("results[0].id");
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("city", org.hamcrest.Matchers.equalTo("宁波"))
        .body("version", org.hamcrest.Matchers.equalTo(1));
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + id + "/history")
        .then()
        .statusCode(200)
        .body("data.action", org.hamcrest.Matchers.containsInAnyOrder("created", "updated"));
  }
}
