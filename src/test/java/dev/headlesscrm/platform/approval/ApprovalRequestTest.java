package dev.headlesscrm.platform.approval;

import static dev.headlesscrm.platform.approval.ApprovalStepKind.ALL_OF;
import static dev.headlesscrm.platform.approval.ApprovalStepKind.ANY_OF;
import static dev.headlesscrm.platform.approval.ApprovalStepKind.EMPLOYEE;
import static dev.headlesscrm.platform.approval.ApprovalStepKind.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of one request's way through its steps, without a database. */
class ApprovalRequestTest {

  static final UUID SUBMITTER = UUID.randomUUID();
  static final UUID BOSS = UUID.randomUUID();
  static final UUID A = UUID.randomUUID();
  static final UUID B = UUID.randomUUID();
  static final UUID OTHER = UUID.randomUUID();
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  /** The submitter's supervisor, then both A and B. */
  static ApprovalRequest supervisorThenAllOf() {
    return ApprovalRequest.open(
        "quote",
        UUID.randomUUID(),
        UUID.randomUUID(),
        "报价审批",
        List.of(
            new ApprovalRequestStep(SUPERVISOR, List.of(BOSS)),
            new ApprovalRequestStep(ALL_OF, List.of(A, B))),
        SUBMITTER,
        "请审批",
        NOW);
  }

  static ApprovalRequest single(ApprovalStepKind kind, UUID... approvers) {
    return ApprovalRequest.open(
        "contract",
        UUID.randomUUID(),
        UUID.randomUUID(),
        "合同审批",
        List.of(new ApprovalRequestStep(kind, List.of(approvers))),
        SUBMITTER,
        null,
        NOW);
  }

  static void assertProblem(ProblemType type, Runnable action) {
    CrmException e = assertThrows(CrmException.class, action::run);
    assertEquals(type, e.type());
  }

  @Test
  void aSubmittedRequestWaitsForTheFirstStepAndRecordsTheSubmission() {
    ApprovalRequest r = supervisorThenAllOf();
    assertEquals(ApprovalStatus.PENDING, r.status);
    assertEquals(1, r.step);
    assertEquals(List.of(BOSS), r.awaiting);
    assertTrue(r.awaits(BOSS));
    assertFalse(r.awaits(A));
    assertEquals(1, r.decisions.size());
    assertEquals(ApprovalAction.SUBMITTED, r.decisions.get(0).action);
    assertEquals(SUBMITTER, r.decisions.get(0).actorId);
    assertEquals("请审批", r.decisions.get(0).comment);
    assertNull(r.decidedAt);
  }

  @Test
  void theFirstStepsApprovalMovesToTheNextStep() {
    ApprovalRequest r = supervisorThenAllOf();
    assertEquals(ApprovalRequest.Outcome.STEP_APPROVED, r.approve(BOSS, "同意", NOW));
    assertEquals(2, r.step);
    assertEquals(List.of(A, B), r.awaiting);
    assertEquals(ApprovalStatus.PENDING, r.status);
  }

  @Test
  void allOfWaitsForEveryApproverThenTheLastStepApproves() {
    ApprovalRequest r = supervisorThenAllOf();
    r.approve(BOSS, null, NOW);
    assertEquals(ApprovalRequest.Outcome.STEP_WAITING, r.approve(B, "B 同意", NOW));
    assertEquals(ApprovalStatus.PENDING, r.status);
    assertEquals(List.of(A), r.awaiting);
    assertEquals(ApprovalRequest.Outcome.APPROVED, r.approve(A, "A 同意", NOW));
    assertEquals(ApprovalStatus.APPROVED, r.status);
    assertEquals(List.of(), r.awaiting);
    assertEquals(NOW, r.decidedAt);
    assertEquals(
        List.of(
            ApprovalAction.SUBMITTED,
            ApprovalAction.APPROVED,
            ApprovalAction.APPROVED,
            ApprovalAction.APPROVED),
        r.decisions.stream().map(d -> d.action).toList());
  }

  @Test
  void anyOfIsCompletedByTheFirstApproval() {
    ApprovalRequest r = single(ANY_OF, A, B);
    assertEquals(ApprovalRequest.Outcome.APPROVED, r.approve(B, null, NOW));
    assertEquals(ApprovalStatus.APPROVED, r.status);
    assertProblem(ProblemType.CONFLICT, () -> r.approve(A, null, NOW));
  }

  @Test
  void aNamedEmployeeDecidesAlone() {
    ApprovalRequest r = single(EMPLOYEE, A);
    assertProblem(ProblemType.FORBIDDEN, () -> r.approve(B, null, NOW));
    assertEquals(ApprovalRequest.Outcome.APPROVED, r.approve(A, null, NOW));
  }

  @Test
  void onlyTheCurrentStepsApproversDecide() {
    ApprovalRequest r = supervisorThenAllOf();
    assertProblem(ProblemType.FORBIDDEN, () -> r.approve(A, null, NOW));
    assertProblem(ProblemType.FORBIDDEN, () -> r.reject(A, null, NOW));
    assertProblem(ProblemType.FORBIDDEN, () -> r.approve(SUBMITTER, null, NOW));
    assertProblem(ProblemType.FORBIDDEN, () -> r.approve(OTHER, null, NOW));
    assertEquals(1, r.decisions.size(), "nothing recorded");
    r.approve(BOSS, null, NOW);
    assertProblem(ProblemType.FORBIDDEN, () -> r.approve(BOSS, null, NOW));
  }

  @Test
  void anApproverDecidesAStepOnce() {
    ApprovalRequest r = single(ALL_OF, A, B);
    r.approve(A, null, NOW);
    assertProblem(ProblemType.CONFLICT, () -> r.approve(A, null, NOW));
    assertProblem(ProblemType.CONFLICT, () -> r.reject(A, null, NOW));
    assertEquals(ApprovalStatus.PENDING, r.status);
  }

  @Test
  void oneRejectionRejectsTheRequestEvenInAllOf() {
    ApprovalRequest r = single(ALL_OF, A, B);
    r.approve(A, null, NOW);
    r.reject(B, "价格过低", NOW);
    assertEquals(ApprovalStatus.REJECTED, r.status);
    assertEquals(List.of(), r.awaiting);
    assertNotNull(r.decidedAt);
    assertEquals("价格过低", r.decisions.get(r.decisions.size() - 1).comment);
  }

  @Test
  void onlyTheSubmitterWithdrawsAndOnlyWhilePending() {
    ApprovalRequest r = supervisorThenAllOf();
    assertProblem(ProblemType.FORBIDDEN, () -> r.withdraw(BOSS, null, NOW));
    r.approve(BOSS, null, NOW);
    r.withdraw(SUBMITTER, "客户改了需求", NOW);
    assertEquals(ApprovalStatus.WITHDRAWN, r.status);
    assertEquals(ApprovalAction.WITHDRAWN, r.decisions.get(r.decisions.size() - 1).action);
    assertProblem(ProblemType.CONFLICT, () -> r.withdraw(SUBMITTER, null, NOW));
  }

  @Test
  void aDecidedRequestRefusesEveryFurtherAction() {
    ApprovalRequest approved = single(EMPLOYEE, A);
    approved.approve(A, null, NOW);
    ApprovalRequest rejected = single(EMPLOYEE, A);
    rejected.reject(A, null, NOW);
    ApprovalRequest withdrawn = single(EMPLOYEE, A);
    withdrawn.withdraw(SUBMITTER, null, NOW);
    for (ApprovalRequest r : List.of(approved, rejected, withdrawn)) {
      ApprovalStatus before = r.status;
      assertProblem(ProblemType.CONFLICT, () -> r.approve(A, null, NOW));
      assertProblem(ProblemType.CONFLICT, () -> r.reject(A, null, NOW));
      assertProblem(ProblemType.CONFLICT, () -> r.withdraw(SUBMITTER, null, NOW));
      assertEquals(before, r.status);
    }
  }

  @Test
  void theSubmitterAndEveryStepsApproversAreInvolved() {
    ApprovalRequest r = supervisorThenAllOf();
    assertTrue(r.involves(SUBMITTER));
    assertTrue(r.involves(BOSS));
    assertTrue(r.involves(B));
    assertFalse(r.involves(OTHER));
  }

  @Test
  void approversNamedTwiceInAStepCountOnce() {
    ApprovalRequest r = single(ALL_OF, A, A, B);
    assertEquals(List.of(A, B), r.awaiting);
  }
}
