package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.customer.application.LifecycleJob;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle stage (客户生命周期, issue 13) is derived, never written: a won deal makes a prospect
 * NEW, time makes it ACTIVE, quiet AT_RISK and LOST, and a follow-up or a payment brings it back;
 * every move through the version, with its history entry and event.
 */
@QuarkusTest
class LifecycleTest {

  @Inject LifecycleJob job;

  static String stage(String id) {
    return Api.as("rep.zhang")
        .get("/api/v1/customers/" + id)
        .jsonPath()
        .getString("lifecycleStage");
  }

  static List<String> actions(String id) {
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
  void wonDealsPaymentsFollowUpsAndTimeMoveTheStage() {
    String id = Customers.createId("生命周期 " + System.nanoTime());
    assertEquals("PROSPECT", stage(id));
    Api.as("rep.zhang")
        .body(Map.of("lifecycleStage", "LOYAL"))
        .contentType("application/merge-patch+json")
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("lifecycleStage"));
    // A read-modify-write that leaves it as it is passes.
    Api.as("rep.zhang")
        .body(Map.of("lifecycleStage", "PROSPECT", "city", "杭州"))
        .contentType("application/merge-patch+json")
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(200);

    String contract =
        Api.as("rep.zhang")
            .body(Map.of("name", "生命周期合同", "customerId", id, "amount", 20000))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit").then().statusCode(200);
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + id)
        .then()
        .body("lifecycleStage", equalTo("NEW"))
        .body("wonDeals", equalTo(1))
        .body("firstWonAt", notNullValue());

    Instant now = Instant.now();
    try {
      // A hundred quiet days later: at risk (90), once however often the sweep runs.
      assertTrue(job.run(now.plus(Duration.ofDays(100))) >= 1);
      assertEquals("AT_RISK", stage(id));
      long moves = actions(id).stream().filter("stage-changed"::equals).count();
      job.run(now.plus(Duration.ofDays(100)));
      assertEquals(moves, actions(id).stream().filter("stage-changed"::equals).count());

      // A payment is activity: as of now the customer is new again.
      String payment =
          Api.as("rep.zhang")
              .body(
                  Map.of(
                      "contractId",
                      contract,
                      "paidOn",
                      LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                      "amount",
                      5000,
                      "method",
                      "BANK_TRANSFER"))
              .post("/api/v1/payments")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      Api.as("rep.zhang").post("/api/v1/payments/" + payment + "/submit").then().statusCode(200);
      Api.as("rep.zhang")
          .get("/api/v1/customers/" + id)
          .then()
          .body("lastPaymentAt", notNullValue())
          .body("lifecycleStage", equalTo("NEW"));
      assertTrue(actions(id).contains("paid"));

      // Past the new days (90) with a recent follow-up: active; a year and more of silence: lost.
      Instant later = now.plus(Duration.ofDays(120));
      Api.as("rep.zhang")
          .body(
              Map.of(
                  "customerId",
                  id,
                  "method",
                  "CALL",
                  "content",
                  "季度回访",
                  "followedUpAt",
                  later.toString()))
          .post("/api/v1/follow-ups")
          .then()
          .statusCode(201);
      job.run(later.plus(Duration.ofDays(1)));
      assertEquals("ACTIVE", stage(id));
      job.run(later.plus(Duration.ofDays(400)));
      assertEquals("LOST", stage(id));
      // Every move is on the timeline as a stage change.
      List<Map<String, Object>> stages =
          Api.as("rep.zhang")
              .queryParam("kind", "stage")
              .queryParam("limit", 50)
              .get("/api/v1/customers/" + id + "/timeline")
              .jsonPath()
              .getList("data");
      assertEquals("LOST", ((Map<?, ?>) stages.get(0).get("detail")).get("to"));
    } finally {
      // Every won customer of the suite back to its stage as of now.
      job.run(Instant.now());
    }
  }
}
