package dev.headlesscrm.platform.idempotency;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on the real departments endpoint, plus probes for what it cannot do. */
@QuarkusTest
class IdempotencyTest {

  /** admin.li's Keycloak subject (scripts/keycloak/local-users.json). */
  static final String ADMIN_SUBJECT = "0193a000-0000-7000-8000-000000000001";

  static final String DEPARTMENTS = "/api/v1/departments";
  static final String PROBE = "/api/test/idempotency/";

  @Inject AgroalDataSource db;
  @Inject IdempotencyStore store;
  @Inject IdempotencyPurgeJob purgeJob;

  static String newKey() {
    return UUID.randomUUID().toString();
  }

  static Map<String, Object> department(String code) {
    return Map.of("code", code, "name", "部门 " + code, "kind", "OFFICE");
  }

  static RequestSpecification admin(String key) {
    return Api.asAdmin().header(IdempotencyFilters.HEADER, key);
  }

  @Test
  void sameKeyTwiceCreatesOneDepartmentAndReplaysTheFirstAnswer() throws SQLException {
    String key = newKey();
    String code = Api.uniqueCode("IDEM");
    Response first = admin(key).body(department(code)).post(DEPARTMENTS);
    first.then().statusCode(201);
    assertNull(first.header(IdempotencyFilters.REPLAYED), "a first answer is not a replay");

    Response second = admin(key).body(department(code)).post(DEPARTMENTS);
    second.then().statusCode(201).header(IdempotencyFilters.REPLAYED, "true");
    assertArrayEquals(first.asByteArray(), second.asByteArray(), "the body, byte for byte");
    assertEquals(first.header("Location"), second.header("Location"));
    assertEquals(first.header("ETag"), second.header("ETag"));
    assertEquals(first.header("Content-Type"), second.header("Content-Type"));
    Map<String, String> stored = store.find(ADMIN_SUBJECT, key).orElseThrow().response().headers();
    assertEquals(first.header("Content-Type"), stored.get("Content-Type"));
    assertEquals(first.header("Location"), stored.get("Location"));
    assertEquals(first.header("ETag"), stored.get("ETag"));
    assertEquals(1, departmentsWithCode(code));
  }

  @Test
  void theKeyReusedForADifferentRequestIs422() throws SQLException {
    String key = newKey();
    String code = Api.uniqueCode("IDEM");
    String id =
        admin(key)
            .body(department(code))
            .post(DEPARTMENTS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    admin(key)
        .body(department(Api.uniqueCode("IDEM")))
        .post(DEPARTMENTS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/validation"))
        .body("errors[0].field", equalTo("Idempotency-Key"))
        .body("errors[0].code", equalTo("reused"));
    // Another path (and method) with the same key.
    admin(key).body(Map.of("name", "x")).patch(DEPARTMENTS + "/" + id).then().statusCode(422);
    Api.asAdmin().get(DEPARTMENTS + "/" + id).then().body("version", equalTo(0));

    // The query string counts as part of the request.
    String name = "query-" + UUID.randomUUID();
    String other = newKey();
    admin(other).body(Map.of("a", 1)).post(PROBE + "echo/" + name + "?x=1").then().statusCode(200);
    admin(other).body(Map.of("a", 1)).post(PROBE + "echo/" + name + "?x=2").then().statusCode(422);
    assertEquals(1, IdempotencyProbeResource.calls(name));
    assertEquals(1, departmentsWithCode(code));
  }

  @Test
  void concurrentRequestsWithOneKeyCreateOneDepartment() throws Exception {
    String key = newKey();
    String code = Api.uniqueCode("IDEM");
    int clients = 6;
    List<RequestSpecification> requests = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      requests.add(admin(key).body(department(code)));
    }
    CyclicBarrier start = new CyclicBarrier(clients);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<CompletableFuture<Response>> answers = new ArrayList<>();
    try {
      for (RequestSpecification request : requests) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  return request.post(DEPARTMENTS);
                },
                pool));
      }
      int created = 0;
      String createdId = null;
      List<Response> others = new ArrayList<>();
      for (CompletableFuture<Response> answer : answers) {
        Response r = answer.get(30, TimeUnit.SECONDS);
        if (r.statusCode() == 201 && r.header(IdempotencyFilters.REPLAYED) == null) {
          created++;
          createdId = r.path("id");
        } else {
          others.add(r);
        }
      }
      assertEquals(1, created, "exactly one request ran");
      for (Response r : others) {
        if (r.statusCode() == 409) {
          assertEquals("/problems/conflict", r.path("type"));
        } else {
          assertEquals(201, r.statusCode(), r.asString());
          assertEquals("true", r.header(IdempotencyFilters.REPLAYED));
          assertEquals(createdId, r.path("id"));
        }
      }
      assertEquals(1, departmentsWithCode(code), "never two records");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRetryWhileTheFirstStillRunsIs409AndLaterReplays() throws Exception {
    String key = newKey();
    String name = "slow-" + UUID.randomUUID();
    RequestSpecification first = admin(key).body("{}");
    CompletableFuture<Response> running =
        CompletableFuture.supplyAsync(() -> first.post(PROBE + "slow/" + name));
    waitFor(() -> IdempotencyProbeResource.calls(name) == 1);

    admin(key)
        .body("{}")
        .post(PROBE + "slow/" + name)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/conflict"));

    Response answer = running.get(30, TimeUnit.SECONDS);
    answer.then().statusCode(200).body("call", equalTo(1));
    Response replay = admin(key).body("{}").post(PROBE + "slow/" + name);
    replay.then().statusCode(200).header(IdempotencyFilters.REPLAYED, "true");
    assertArrayEquals(answer.asByteArray(), replay.asByteArray());
    assertEquals(1, IdempotencyProbeResource.calls(name));
  }

  @Test
  void keysArePerCaller() throws SQLException {
    String key = newKey();
    String code = Api.uniqueCode("IDEM");
    admin(key).body(department(code)).post(DEPARTMENTS).then().statusCode(201);
    // The same key from other callers is theirs alone: neither a replay of the admin's answer
    // nor a 422 for a different body, but their own (forbidden) attempt.
    Api.asIntegration()
        .header(IdempotencyFilters.HEADER, key)
        .body(department(Api.uniqueCode("IDEM")))
        .post(DEPARTMENTS)
        .then()
        .statusCode(403)
        .body("type", equalTo("/problems/forbidden"));
    Response rep =
        Api.as("rep.zhang")
            .header(IdempotencyFilters.HEADER, key)
            .body(department(code))
            .post(DEPARTMENTS);
    rep.then().statusCode(403);
    assertNull(rep.header(IdempotencyFilters.REPLAYED));

    // And the other way round: someone else's earlier use does not block the admin.
    String second = newKey();
    String code2 = Api.uniqueCode("IDEM");
    Api.as("manager.wang")
        .header(IdempotencyFilters.HEADER, second)
        .body(department(code2))
        .post(DEPARTMENTS)
        .then()
        .statusCode(403);
    Response created = admin(second).body(department(code2)).post(DEPARTMENTS);
    created.then().statusCode(201);
    assertNull(created.header(IdempotencyFilters.REPLAYED));
    assertEquals(1, departmentsWithCode(code));
    assertEquals(1, departmentsWithCode(code2));
  }

  @Test
  void validationFailuresAreStoredAndReplayed() {
    String key = newKey();
    Map<String, Object> invalid = Map.of("code", "", "name", "n", "kind", "OFFICE");
    Response first = admin(key).body(invalid).post(DEPARTMENTS);
    first.then().statusCode(422).body("errors[0].field", equalTo("code"));

    Response again = admin(key).body(invalid).post(DEPARTMENTS);
    again
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .header(IdempotencyFilters.REPLAYED, "true");
    // The same traceId proves it is the stored answer, not a second run.
    assertEquals((String) first.path("traceId"), again.path("traceId"));
    assertArrayEquals(first.asByteArray(), again.asByteArray());
    assertEquals(
        IdempotencyStore.State.COMPLETED, store.find(ADMIN_SUBJECT, key).orElseThrow().state());
  }

  @Test
  void serverErrorsFreeTheKeySoTheClientMayRetry() {
    String key = newKey();
    String name = "boom-" + UUID.randomUUID();
    admin(key)
        .body("{}")
        .post(PROBE + "boom/" + name)
        .then()
        .statusCode(500)
        .body("type", equalTo("/problems/internal"));
    assertTrue(store.find(ADMIN_SUBJECT, key).isEmpty(), "a 5xx leaves no row");
    Response retried = admin(key).body("{}").post(PROBE + "boom/" + name);
    retried.then().statusCode(500);
    assertNull(retried.header(IdempotencyFilters.REPLAYED));
    assertEquals(2, IdempotencyProbeResource.calls(name), "the retry ran again");

    String flakyKey = newKey();
    String flaky = "flaky-" + UUID.randomUUID();
    admin(flakyKey).body("{}").post(PROBE + "flaky/" + flaky).then().statusCode(500);
    admin(flakyKey)
        .body("{}")
        .post(PROBE + "flaky/" + flaky)
        .then()
        .statusCode(201)
        .body("call", equalTo(2));
    admin(flakyKey)
        .body("{}")
        .post(PROBE + "flaky/" + flaky)
        .then()
        .statusCode(201)
        .header(IdempotencyFilters.REPLAYED, "true")
        .body("call", equalTo(2));
    assertEquals(2, IdempotencyProbeResource.calls(flaky));
  }

  @Test
  void keysLongerThan255CharactersAre400() throws SQLException {
    String code = Api.uniqueCode("IDEM");
    admin("k".repeat(256))
        .body(department(code))
        .post(DEPARTMENTS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed"));
    admin("").body(department(code)).post(DEPARTMENTS).then().statusCode(400);
    assertEquals(0, departmentsWithCode(code));
    String longest = UUID.randomUUID() + "k".repeat(255 - 36);
    admin(longest).body(department(code)).post(DEPARTMENTS).then().statusCode(201);
    admin(longest)
        .body(department(code))
        .post(DEPARTMENTS)
        .then()
        .statusCode(201)
        .header(IdempotencyFilters.REPLAYED, "true");
  }

  @Test
  void aPatchWithAKeyIsAppliedOnceAndReplayed() {
    String id =
        Api.asAdmin()
            .body(department(Api.uniqueCode("IDEM")))
            .post(DEPARTMENTS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String key = newKey();
    Response first =
        admin(key)
            .contentType("application/merge-patch+json; charset=UTF-8")
            .body("{\"name\":\"改名一次\"}")
            .patch(DEPARTMENTS + "/" + id);
    first.then().statusCode(200).header("ETag", "W/\"1\"").body("version", equalTo(1));
    Response again =
        admin(key)
            .contentType("application/merge-patch+json; charset=UTF-8")
            .body("{\"name\":\"改名一次\"}")
            .patch(DEPARTMENTS + "/" + id);
    again
        .then()
        .statusCode(200)
        .header("ETag", "W/\"1\"")
        .header(IdempotencyFilters.REPLAYED, "true");
    assertArrayEquals(first.asByteArray(), again.asByteArray());
    Api.asAdmin()
        .get(DEPARTMENTS + "/" + id)
        .then()
        .body("version", equalTo(1))
        .body("name", equalTo("改名一次"));
  }

  @Test
  void answersWithoutABodyAreReplayedToo() {
    String key = newKey();
    String name = "void-" + UUID.randomUUID();
    Response first = admin(key).body("{}").post(PROBE + "void/" + name);
    first.then().statusCode(204).header("ETag", "W/\"1\"");
    Response again = admin(key).body("{}").post(PROBE + "void/" + name);
    again
        .then()
        .statusCode(204)
        .header("ETag", "W/\"1\"")
        .header(IdempotencyFilters.REPLAYED, "true");
    assertEquals(1, IdempotencyProbeResource.calls(name));
  }

  @Test
  void nonBlockingEndpointsAreCoveredToo() throws InterruptedException {
    String key = newKey();
    String name = "reactive-" + UUID.randomUUID();
    Response first = admin(key).body(Map.of("greeting", "你好")).post(PROBE + "reactive/" + name);
    first
        .then()
        .statusCode(200)
        .body("call", equalTo(1))
        .body("body.greeting", equalTo("你好"))
        .body("eventLoop", equalTo(true));
    // On the event loop the answer is stored just after it is sent (a database call may not block
    // there): a retry in that instant is told 409, retry shortly, like any retry in flight.
    Response again = admin(key).body(Map.of("greeting", "你好")).post(PROBE + "reactive/" + name);
    for (int i = 0; i < 50 && again.statusCode() == 409; i++) {
      Thread.sleep(20);
      again = admin(key).body(Map.of("greeting", "你好")).post(PROBE + "reactive/" + name);
    }
    again.then().statusCode(200).header(IdempotencyFilters.REPLAYED, "true");
    assertArrayEquals(first.asByteArray(), again.asByteArray());
    admin(key)
        .body(Map.of("greeting", "再见"))
        .post(PROBE + "reactive/" + name)
        .then()
        .statusCode(422);
    assertEquals(1, IdempotencyProbeResource.calls(name));
  }

  @Test
  void withoutAKeyNothingIsStoredAndReadsIgnoreIt() throws SQLException {
    long before = keysOf(ADMIN_SUBJECT);
    String code = Api.uniqueCode("IDEM");
    Response created = Api.asAdmin().body(department(code)).post(DEPARTMENTS);
    created.then().statusCode(201);
    assertNull(created.header(IdempotencyFilters.REPLAYED));
    Api.asAdmin().body(department(code)).post(DEPARTMENTS).then().statusCode(409);
    String key = newKey();
    Api.asAdmin()
        .header(IdempotencyFilters.HEADER, key)
        .get(DEPARTMENTS + "/" + created.path("id"))
        .then()
        .statusCode(200);
    assertEquals(before, keysOf(ADMIN_SUBJECT));
    assertTrue(store.find(ADMIN_SUBJECT, key).isEmpty());
  }

  @Test
  void expiredKeysCanBeUsedAgainAndArePurged() throws SQLException {
    String key = newKey();
    String code = Api.uniqueCode("IDEM");
    admin(key).body(department(code)).post(DEPARTMENTS).then().statusCode(201);
    String kept = newKey();
    admin(kept).body(department(Api.uniqueCode("IDEM"))).post(DEPARTMENTS).then().statusCode(201);
    age(key, "expires_at", "1 minute");

    // Expired: the key is free again, even for a different body.
    String code2 = Api.uniqueCode("IDEM");
    Response reused = admin(key).body(department(code2)).post(DEPARTMENTS);
    reused.then().statusCode(201);
    assertNull(reused.header(IdempotencyFilters.REPLAYED));
    assertEquals(1, departmentsWithCode(code2));

    age(key, "expires_at", "1 minute");
    assertTrue(purgeJob.purge() >= 1);
    assertTrue(store.find(ADMIN_SUBJECT, key).isEmpty(), "expired keys are purged");
    assertFalse(store.find(ADMIN_SUBJECT, kept).isEmpty(), "live keys stay");
  }

  @Test
  void aKeyWhoseProcessDiedIsTakenOverAtOnceAndALiveOnesIsNot() {
    String key = newKey();
    String name = "orphan-" + UUID.randomUUID();
    byte[] fingerprint = IdempotencyFilters.fingerprint(null, null, "{}".getBytes());
    var claim = store.claim(ADMIN_SUBJECT, key, "POST", PROBE + "echo/" + name, fingerprint);
    assertTrue(claim instanceof IdempotencyStore.Claimed);
    // Claimed by this process, which is alive: the retry waits for the first attempt (409).
    admin(key).body("{}").post(PROBE + "echo/" + name).then().statusCode(409);
    // Claimed by a process that was killed mid-request (its presence row is no longer kept
    // alive): a retry seconds later runs, without waiting for the five-minute in-flight timeout.
    UUID dead = UUID.randomUUID();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO service_instances (id, started_at, seen_at)"
                    + " VALUES (?, now() - interval '1 minute', now() - interval '6 seconds')")) {
      ps.setObject(1, dead);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    setClaimant(key, dead);
    admin(key)
        .body("{}")
        .post(PROBE + "echo/" + name)
        .then()
        .statusCode(200)
        .header(IdempotencyFilters.REPLAYED, nullValue());
    assertNotEquals(
        IdempotencyStore.State.IN_FLIGHT, store.find(ADMIN_SUBJECT, key).orElseThrow().state());
  }

  @Test
  void aCreateThatCommittedButLostItsAnswerIsAnsweredFromTheRecordNotRunTwice()
      throws SQLException {
    String key = newKey();
    String code = Api.uniqueCode("IDEM");
    Response first = admin(key).body(department(code)).post(DEPARTMENTS);
    first.then().statusCode(201);
    String id = first.path("id");
    // The business transaction marked the key with the record it created.
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT committed_resource, committed_id, committed_action FROM idempotency_keys"
                    + " WHERE caller_subject = ? AND idempotency_key = ?")) {
      ps.setString(1, ADMIN_SUBJECT);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("department", rs.getString(1));
        assertEquals(id, rs.getString(2));
        assertEquals("created", rs.getString(3));
      }
    }
    // As if the process had been killed after the commit, before it stored the answer.
    UUID dead = UUID.randomUUID();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE idempotency_keys SET state = 'COMMITTED', response_status = NULL,"
                    + " response_headers = NULL, response_body = NULL, claimed_by = ?"
                    + " WHERE caller_subject = ? AND idempotency_key = ?")) {
      ps.setObject(1, dead);
      ps.setString(2, ADMIN_SUBJECT);
      ps.setString(3, key);
      assertEquals(1, ps.executeUpdate());
    }
    admin(key)
        .body(department(code))
        .post(DEPARTMENTS)
        .then()
        .statusCode(201)
        .header(IdempotencyFilters.REPLAYED, "true")
        .header("Location", org.hamcrest.Matchers.endsWith(DEPARTMENTS + "/" + id))
        .body("id", equalTo(id))
        .body("code", equalTo(code));
    assertEquals(1, departmentsWithCode(code), "the create did not run a second time");
  }

  private void setClaimant(String key, UUID instance) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE idempotency_keys SET claimed_by = ?"
                    + " WHERE caller_subject = ? AND idempotency_key = ?")) {
      ps.setObject(1, instance);
      ps.setString(2, ADMIN_SUBJECT);
      ps.setString(3, key);
      assertEquals(1, ps.executeUpdate());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRequestPresumedLostCanBeRetried() {
    String key = newKey();
    String name = "lost-" + UUID.randomUUID();
    byte[] fingerprint = IdempotencyFilters.fingerprint(null, null, "{}".getBytes());
    var claim = store.claim(ADMIN_SUBJECT, key, "POST", PROBE + "echo/" + name, fingerprint);
    assertTrue(claim instanceof IdempotencyStore.Claimed);
    admin(key).body("{}").post(PROBE + "echo/" + name).then().statusCode(409);
    // Its pod died: after crm.idempotency.in-flight-timeout the same request may run.
    age(key, "created_at", "10 minutes");
    admin(key)
        .body("{}")
        .post(PROBE + "echo/" + name)
        .then()
        .statusCode(200)
        .body("call", equalTo(1));
    assertNotEquals(
        IdempotencyStore.State.IN_FLIGHT, store.find(ADMIN_SUBJECT, key).orElseThrow().state());
  }

  private long departmentsWithCode(String code) throws SQLException {
    return count("SELECT count(*) FROM departments WHERE code = ?", code);
  }

  private long keysOf(String subject) throws SQLException {
    return count("SELECT count(*) FROM idempotency_keys WHERE caller_subject = ?", subject);
  }

  private long count(String sql, String parameter) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Moves a key's timestamp into the past, as if time had passed. */
  private void age(String key, String column, String by) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE idempotency_keys SET "
                    + column
                    + " = now() - interval '"
                    + by
                    + "'"
                    + " WHERE caller_subject = ? AND idempotency_key = ?")) {
      ps.setString(1, ADMIN_SUBJECT);
      ps.setString(2, key);
      assertEquals(1, ps.executeUpdate());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting");
      }
      Thread.sleep(20);
    }
  }
}
