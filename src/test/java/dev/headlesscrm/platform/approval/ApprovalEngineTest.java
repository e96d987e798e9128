package dev.headlesscrm.platform.approval;

import static dev.headlesscrm.platform.approval.Approvals.ADMIN_LI;
import static dev.headlesscrm.platform.approval.Approvals.ANALYST_LIU;
import static dev.headlesscrm.platform.approval.Approvals.MANAGER_WANG;
import static dev.headlesscrm.platform.approval.Approvals.REP_ZHANG;
import static dev.headlesscrm.platform.approval.Approvals.decide;
import static dev.headlesscrm.platform.approval.Approvals.inbox;
import static dev.headlesscrm.platform.approval.Approvals.step;
import static dev.headlesscrm.platform.approval.Approvals.submit;
import static dev.headlesscrm.platform.approval.Approvals.submitProbe;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.platform.records.RecordLocks;
import dev.headlesscrm.support.Api;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The approval engine with real users, tokens and transactions: the probe resource's flow is the
 * submitter's supervisor (manager.wang for rep.zhang), then both analyst.liu and admin.li (会签).
 */
@QuarkusTest
class ApprovalEngineTest {

  @Inject RecordLocks locks;
  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  @BeforeEach
  void probeFlow() {
    Approvals.ensureProbeFlow();
  }

  @Test
  void theSupervisorThenEveryoneOfTheLastStepApproveAndTheListenerHearsIt() {
    UUID record = UUID.randomUUID();
    String id = submitProbe(record);

    Api.as("rep.zhang")
        .get("/api/v1/approvals/" + id)
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("resource", equalTo("probe"))
        .body("recordId", equalTo(record.toString()))
        .body("step", equalTo(1))
        .body("awaiting", equalTo(List.of(MANAGER_WANG)))
        .body("steps", hasSize(2))
        .body("steps[0].kind", equalTo("SUPERVISOR"))
        .body("steps[0].approverIds", equalTo(List.of(MANAGER_WANG)))
        .body("steps[1].kind", equalTo("ALL_OF"))
        .body("steps[1].approverIds", equalTo(List.of(ANALYST_LIU, ADMIN_LI)))
        .body("submittedBy", equalTo(REP_ZHANG))
        .body("comment", equalTo("请审批"));
    assertTrue(inbox("manager.wang").contains(id));
    assertFalse(inbox("rep.chen").contains(id));
    assertFalse(inbox("analyst.liu").contains(id), "step 2 is not theirs yet");
    assertFalse(inbox("rep.zhang").contains(id));

    decide("manager.wang", id, "approve", "同意，请财务复核")
        .statusCode(200)
        .body("status", equalTo("PENDING"))
        .body("step", equalTo(2))
        .body("awaiting", equalTo(List.of(ANALYST_LIU, ADMIN_LI)));
    assertFalse(inbox("manager.wang").contains(id));
    assertTrue(inbox("analyst.liu").contains(id));
    assertTrue(inbox("admin.li").contains(id));

    decide("analyst.liu", id, "approve", "数据无误")
        .statusCode(200)
        .body("status", equalTo("PENDING"))
        .body("step", equalTo(2))
        .body("awaiting", equalTo(List.of(ADMIN_LI)))
        .body("steps[1].approvedBy", equalTo(List.of(ANALYST_LIU)));
    assertFalse(inbox("analyst.liu").contains(id));
    decide("analyst.liu", id, "approve", null)
        .statusCode(409)
        .body("detail", containsString("already approved step 2"));
    assertTrue(ProbeApprovalListener.heard(record).isEmpty(), "not decided yet");

    decide("admin.li", id, "approve", "批准")
        .statusCode(200)
        .body("status", equalTo("APPROVED"))
        .body("awaiting", hasSize(0))
        .body("decidedAt", notNullValue());
    assertFalse(inbox("admin.li").contains(id));

    List<ProbeApprovalListener.Heard> heard = ProbeApprovalListener.heard(record);
    assertEquals(1, heard.size());
    assertEquals("approved", heard.get(0).outcome());
    assertEquals(UUID.fromString(id), heard.get(0).approvalId());
    assertEquals(ApprovalStatus.APPROVED, heard.get(0).status());
    assertFalse(heard.get(0).locked(), "the listener may change its record");

    decide("admin.li", id, "reject", null)
        .statusCode(409)
        .body("detail", containsString("already APPROVED"));
  }

  @Test
  void theHistoryListsEveryActionWithWhoWhenAndComments() {
    UUID record = UUID.randomUUID();
    String first = submitProbe(record);
    decide("manager.wang", first, "reject", "折扣太大").statusCode(200);
    String second = submitProbe(record);
    decide("manager.wang", second, "approve", "已调整").statusCode(200);

    JsonPath history =
        Api.as("rep.zhang")
            .queryParam("resource", "probe")
            .queryParam("recordId", record.toString())
            .get("/api/v1/approvals")
            .then()
            .statusCode(200)
            .body("page.hasMore", equalTo(false))
            .extract()
            .jsonPath();
    assertEquals(List.of(first, second), history.getList("data.id"));
    assertEquals(List.of("REJECTED", "PENDING"), history.getList("data.status"));
    assertEquals(
        List.of("SUBMITTED", "REJECTED"), history.getList("data[0].history.action", String.class));
    assertEquals(List.of("请审批", "折扣太大"), history.getList("data[0].history.comment"));
    assertEquals(List.of(REP_ZHANG, MANAGER_WANG), history.getList("data[0].history.actorId"));
    assertEquals(List.of(1, 1), history.getList("data[0].history.step"));
    assertEquals(
        List.of("SUBMITTED", "APPROVED"), history.getList("data[1].history.action", String.class));
    assertEquals(List.of("请审批", "已调整"), history.getList("data[1].history.comment"));
    assertTrue(history.getList("data[1].history.at").stream().allMatch(a -> a != null));

    // Paged by one: the same requests, in the same order.
    JsonPath page =
        Api.as("rep.zhang")
            .queryParam("resource", "probe")
            .queryParam("recordId", record.toString())
            .queryParam("limit", 1)
            .get("/api/v1/approvals")
            .then()
            .statusCode(200)
            .body("page.hasMore", equalTo(true))
            .extract()
            .jsonPath();
    assertEquals(List.of(first), page.getList("data.id"));
    Api.as("rep.zhang")
        .queryParam("resource", "probe")
        .queryParam("recordId", record.toString())
        .queryParam("cursor", page.getString("page.nextCursor"))
        .get("/api/v1/approvals")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(second)))
        .body("page.hasMore", equalTo(false));

    // Someone who neither took part nor sees the record sees none of it.
    Api.as("rep.chen")
        .queryParam("resource", "probe")
        .queryParam("recordId", record.toString())
        .get("/api/v1/approvals")
        .then()
        .statusCode(200)
        .body("data", hasSize(0));
    Api.as("rep.chen")
        .get("/api/v1/approvals")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void aRejectionEndsTheRequestAndTheRecordMaySubmitAgain() {
    UUID record = UUID.randomUUID();
    String id = submitProbe(record);
    decide("manager.wang", id, "approve", null).statusCode(200);
    decide("admin.li", id, "reject", "价格低于底价")
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("decidedAt", notNullValue())
        .body("awaiting", hasSize(0));
    List<ProbeApprovalListener.Heard> heard = ProbeApprovalListener.heard(record);
    assertEquals(List.of("rejected"), heard.stream().map(h -> h.outcome()).toList());
    assertFalse(inbox("analyst.liu").contains(id), "nothing left to decide");
    decide("analyst.liu", id, "approve", null).statusCode(409);
    assertTrue(locks.lockedBecause("probe", record).isEmpty());
    submitProbe(record);
  }

  @Test
  void onlyTheSubmitterWithdrawsAndOnlyWhilePending() {
    UUID record = UUID.randomUUID();
    String id = submitProbe(record);
    decide("manager.wang", id, "withdraw", null).statusCode(403);
    decide("manager.wang", id, "approve", null).statusCode(200);
    decide("rep.zhang", id, "withdraw", "客户需求变更")
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("history[2].action", equalTo("WITHDRAWN"))
        .body("history[2].comment", equalTo("客户需求变更"));
    assertEquals(
        List.of("withdrawn"),
        ProbeApprovalListener.heard(record).stream().map(h -> h.outcome()).toList());
    assertFalse(inbox("admin.li").contains(id));
    decide("rep.zhang", id, "withdraw", null).statusCode(409);
    decide("admin.li", id, "approve", null).statusCode(409);
  }

  @Test
  void aRecordIsInOneApprovalAtATimeAndLockedMeanwhile() {
    assertInstanceOf(ApprovalLocks.class, ClientProxy.unwrap(locks));
    UUID record = UUID.randomUUID();
    assertTrue(locks.lockedBecause("probe", record).isEmpty());
    String id = submitProbe(record);
    assertTrue(locks.lockedBecause("probe", record).isPresent());
    assertTrue(locks.lockedBecause("probe", record).get().en().contains("in approval"));
    assertTrue(locks.lockedBecause("other", record).isEmpty(), "locks are per resource");
    submit("rep.zhang", "probe", record, null)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("already in approval"));
    submit("rep.chen", "probe", record, null).statusCode(409);

    decide("manager.wang", id, "approve", null).statusCode(200);
    assertTrue(locks.lockedBecause("probe", record).isPresent(), "still pending at step 2");
    decide("analyst.liu", id, "approve", null).statusCode(200);
    decide("admin.li", id, "approve", null).statusCode(200);
    assertTrue(locks.lockedBecause("probe", record).isEmpty());
  }

  @Test
  void aRealRecordCannotChangeWhileInApproval() {
    String customer =
        Api.as("rep.zhang")
            .body(Map.of("name", Api.uniqueCode("审批客户")))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String flow = Approvals.createFlow("customer", List.of(step("EMPLOYEE", MANAGER_WANG)));
    try {
      String id =
          submit("rep.zhang", "customer", UUID.fromString(customer), "请审批客户")
              .statusCode(200)
              .extract()
              .path("id");
      Api.as("rep.zhang")
          .contentType("application/merge-patch+json")
          .body(Map.of("city", "上海"))
          .patch("/api/v1/customers/" + customer)
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("detail", containsString("in approval"));
      Api.as("rep.zhang").delete("/api/v1/customers/" + customer).then().statusCode(409);
      decide("rep.zhang", id, "withdraw", null).statusCode(200);
      Api.as("rep.zhang")
          .contentType("application/merge-patch+json")
          .body(Map.of("city", "上海"))
          .patch("/api/v1/customers/" + customer)
          .then()
          .statusCode(200)
          .body("city", equalTo("上海"));
    } finally {
      Api.asAdmin()
          .contentType("application/merge-patch+json")
          .body(Map.of("active", false))
          .patch("/api/v1/approval-flows/" + flow)
          .then()
          .statusCode(200);
    }
  }

  @Test
  void concurrentDecisionsAndSubmissionsCountEachOnce() throws Exception {
    UUID record = UUID.randomUUID();
    String id = submitProbe(record);
    decide("manager.wang", id, "approve", null).statusCode(200);
    // Both approvers of the ALL_OF step at once: the request ends approved, heard once.
    List<Integer> statuses =
        together(
            () -> decide("analyst.liu", id, "approve", null).extract().statusCode(),
            () -> decide("admin.li", id, "approve", null).extract().statusCode());
    assertEquals(List.of(200, 200), statuses);
    Api.as("rep.zhang")
        .get("/api/v1/approvals/" + id)
        .then()
        .body("status", equalTo("APPROVED"))
        .body("history", hasSize(4));
    assertEquals(1, ProbeApprovalListener.heard(record).size());

    // The same record submitted twice at once: one request, one 409.
    UUID other = UUID.randomUUID();
    List<Integer> submits =
        together(
            () -> submit("rep.zhang", "probe", other, null).extract().statusCode(),
            () -> submit("rep.chen", "probe", other, null).extract().statusCode());
    assertEquals(List.of(200, 409), submits.stream().sorted().toList());
  }

  /** Runs both calls at the same moment; their answers in order. */
  private static List<Integer> together(
      java.util.concurrent.Callable<Integer> a, java.util.concurrent.Callable<Integer> b)
      throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      var first =
          pool.submit(
              () -> {
                start.await();
                return a.call();
              });
      var second =
          pool.submit(
              () -> {
                start.await();
                return b.call();
              });
      start.countDown();
      return List.of(
          first.get(60, java.util.concurrent.TimeUnit.SECONDS),
          second.get(60, java.util.concurrent.TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aListenerThatFailsRollsTheDecisionBack() {
    UUID record = UUID.randomUUID();
    String id = submitProbe(record);
    ProbeApprovalListener.FAILING.add(record);
    try {
      decide("manager.wang", id, "reject", "不行").statusCode(409);
    } finally {
      ProbeApprovalListener.FAILING.remove(record);
    }
    Api.as("rep.zhang")
        .get("/api/v1/approvals/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("PENDING"))
        .body("history", hasSize(1));
    assertTrue(locks.lockedBecause("probe", record).isPresent());
    decide("manager.wang", id, "reject", "不行").statusCode(200).body("status", equalTo("REJECTED"));
  }

  @Test
  void eachTransitionIsAnEventInOrder() {
    long head = events.head();
    UUID record = UUID.randomUUID();
    String id = submitProbe(record);
    decide("manager.wang", id, "approve", "同意").statusCode(200);
    decide("analyst.liu", id, "approve", null).statusCode(200);
    decide("admin.li", id, "approve", null).statusCode(200);
    String other = submitProbe(UUID.randomUUID());
    decide("manager.wang", other, "reject", null).statusCode(200);
    String third = submitProbe(UUID.randomUUID());
    decide("rep.zhang", third, "withdraw", null).statusCode(200);
    publisher.publishPending();

    JsonPath feed =
        Api.asAdmin()
            .queryParam("after", head)
            .queryParam("types", "approval.*")
            .queryParam("limit", 1000)
            .get("/api/v1/events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> all = feed.getList("data");
    List<Map<String, Object>> mine =
        all.stream().filter(e -> id.equals(e.get("resourceId"))).toList();
    assertEquals(
        List.of(
            "approval.submitted",
            "approval.step-approved",
            "approval.step-approved",
            "approval.approved"),
        mine.stream().map(e -> e.get("type")).toList());
    List<Integer> versions = mine.stream().map(e -> (Integer) e.get("version")).toList();
    for (int i = 1; i < versions.size(); i++) {
      assertTrue(versions.get(i) > versions.get(i - 1), "versions grow: " + versions);
    }
    Map<String, Object> submitted = mine.get(0);
    assertEquals("approval", submitted.get("resource"));
    assertEquals(REP_ZHANG, submitted.get("actor"));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) mine.get(1).get("data");
    assertEquals(record.toString(), data.get("recordId"));
    assertEquals(2, data.get("step"));
    @SuppressWarnings("unchecked")
    Map<String, Object> changes = (Map<String, Object>) mine.get(1).get("changes");
    assertEquals(Map.of("old", 1, "new", 2), changes.get("step"));
    assertEquals(MANAGER_WANG, mine.get(1).get("actor"));
    assertEquals(
        List.of("approval.submitted", "approval.rejected"),
        all.stream()
            .filter(e -> other.equals(e.get("resourceId")))
            .map(e -> e.get("type"))
            .toList());
    assertEquals(
        List.of("approval.submitted", "approval.withdrawn"),
        all.stream()
            .filter(e -> third.equals(e.get("resourceId")))
            .map(e -> e.get("type"))
            .toList());

    // The events reach those who may read the approval, not everyone who reads the feed.
    assertEquals(4, approvalEvents("manager.wang", head, id).size());
    assertEquals(4, approvalEvents("analyst.liu", head, id).size());
    assertEquals(List.of(), approvalEvents("rep.chen", head, id));
    assertEquals(List.of(), approvalEvents("marketing.zhao", head, id));
  }

  private static List<Object> approvalEvents(String user, long after, String approvalId) {
    List<Map<String, Object>> data =
        Api.as(user)
            .queryParam("after", after)
            .queryParam("types", "approval.*")
            .queryParam("limit", 1000)
            .get("/api/v1/events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    return data.stream()
        .filter(e -> approvalId.equals(e.get("resourceId")))
        .map(e -> e.get("type"))
        .toList();
  }

  @Test
  void onlyThoseInvolvedOrWhoSeeTheRecordSeeAnApproval() {
    UUID record = UUID.randomUUID();
    String id = submitProbe(record);
    // rep.chen neither takes part nor sees the record: it does not exist for them.
    Api.as("rep.chen").get("/api/v1/approvals/" + id).then().statusCode(404);
    decide("rep.chen", id, "approve", null).statusCode(404);
    // Approvers of a later step, administrators and the submitter see it.
    Api.as("analyst.liu").get("/api/v1/approvals/" + id).then().statusCode(200);
    Api.asAdmin().get("/api/v1/approvals/" + id).then().statusCode(200);
    decide("analyst.liu", id, "approve", null)
        .statusCode(403)
        .body("detail", containsString("step 1"));
    // Once the record's own resource says rep.chen sees it, so does the approval; deciding is
    // still for the approvers.
    ProbeApprovalListener.READABLE.add(record);
    Api.as("rep.chen").get("/api/v1/approvals/" + id).then().statusCode(200);
    decide("rep.chen", id, "approve", null).statusCode(403).contentType("application/problem+json");
    Api.as("rep.chen")
        .queryParam("resource", "probe")
        .queryParam("recordId", record.toString())
        .get("/api/v1/approvals")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(id)));
    Api.as("rep.zhang").get("/api/v1/approvals/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void submittingNeedsAFlowAndForASupervisorStepASupervisor() {
    submit(
            "rep.zhang",
            "no-flow-" + UUID.randomUUID().toString().substring(0, 8),
            UUID.randomUUID(),
            null)
        .statusCode(409)
        .body("detail", containsString("no approval flow for no-flow-"));
    // analyst.liu has no supervisor.
    submit("analyst.liu", "probe", UUID.randomUUID(), null)
        .statusCode(409)
        .body("detail", containsString("supervisor"));
    String longComment = "长".repeat(2001);
    submit("rep.zhang", "probe", UUID.randomUUID(), longComment)
        .statusCode(422)
        .body("errors[0].field", equalTo("comment"));
    String id = submitProbe(UUID.randomUUID());
    decide("manager.wang", id, "approve", longComment).statusCode(422);
    Api.as("rep.zhang").get("/api/v1/approvals/" + id).then().body("step", equalTo(1));
  }

  @Test
  void anyOfIsDecidedByWhoeverApprovesFirst() {
    String resource =
        Approvals.uniqueFlow(
            "anyof", step("EMPLOYEE", MANAGER_WANG), step("ANY_OF", ANALYST_LIU, ADMIN_LI));
    UUID record = UUID.randomUUID();
    String id = submit("rep.chen", resource, record, null).statusCode(200).extract().path("id");
    decide("manager.wang", id, "approve", null).statusCode(200).body("step", equalTo(2));
    assertTrue(inbox("analyst.liu").contains(id));
    assertTrue(inbox("admin.li").contains(id));
    decide("admin.li", id, "approve", null).statusCode(200).body("status", equalTo("APPROVED"));
    assertFalse(inbox("analyst.liu").contains(id));
    decide("analyst.liu", id, "approve", null).statusCode(409);
  }

  @Test
  void theInboxIsPagedOldestFirst() {
    String resource = Approvals.uniqueFlow("inbox", step("EMPLOYEE", Approvals.MARKETING_ZHAO));
    String first =
        submit("rep.zhang", resource, UUID.randomUUID(), null).statusCode(200).extract().path("id");
    String second =
        submit("rep.chen", resource, UUID.randomUUID(), null).statusCode(200).extract().path("id");
    JsonPath page =
        Api.as("marketing.zhao")
            .queryParam("limit", 1)
            .get("/api/v1/approvals/inbox")
            .then()
            .statusCode(200)
            .body("page.limit", equalTo(1))
            .body("page.hasMore", equalTo(true))
            .extract()
            .jsonPath();
    assertEquals(List.of(first), page.getList("data.id"));
    Api.as("marketing.zhao")
        .queryParam("limit", 1)
        .queryParam("cursor", page.getString("page.nextCursor"))
        .get("/api/v1/approvals/inbox")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(second)))
        .body("page.hasMore", equalTo(false))
        .body("page.nextCursor", nullValue());
    Api.as("marketing.zhao")
        .queryParam("cursor", "not-a-cursor")
        .get("/api/v1/approvals/inbox")
        .then()
        .statusCode(400);
  }

  @Test
  void graphQlReadsTheInboxAndDecides() {
    String id = submitProbe(UUID.randomUUID());
    Api.as("manager.wang")
        .body(
            Map.of(
                "query",
                "{ approvalInbox(first: 500) { edges { node { id status step resource } } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.approvalInbox.edges.node.id", org.hamcrest.Matchers.hasItem(id));
    Api.as("manager.wang")
        .body(
            Map.of(
                "query",
                "mutation($id: ID!) { approveApproval(id: $id, comment: \"同意\") { status step"
                    + " history { action comment } } }",
                "variables",
                Map.of("id", id)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.approveApproval.status", equalTo("PENDING"))
        .body("data.approveApproval.step", equalTo(2))
        .body("data.approveApproval.history[1].comment", equalTo("同意"));
    Api.as("rep.chen")
        .body(
            Map.of(
                "query",
                "mutation($id: ID!) { withdrawApproval(id: $id) { status } }",
                "variables",
                Map.of("id", id)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("not-found"));
  }
}
