package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.persistence.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.ListIndexBase;
import org.hibernate.type.SqlTypes;

/**
 * One record's way through an approval flow, and the rules of that way:
 *
 * <ul>
 *   <li>the steps are decided in order, each by its approvers only (others: 403);
 *   <li>a step of kind ALL_OF needs every approver's approval, the others one approval;
 *   <li>an approver decides a step once (again: 409);
 *   <li>any rejection rejects the request; the last step's approval approves it;
 *   <li>only the submitter withdraws, and only while the request is pending;
 *   <li>a decided request never changes again (409).
 * </ul>
 */
@Entity
@Table(name = "approval_requests")
public class ApprovalRequest extends BaseEntity {

  public static final int MAX_COMMENT = 2000;

  /** What an approval did to the request. */
  public enum Outcome {
    /** Recorded; the step still waits for other approvers (ALL_OF). */
    STEP_WAITING,
    /** The step is complete and the next one waits. */
    STEP_APPROVED,
    /** The last step is complete: the request is approved. */
    APPROVED
  }

  @Column(nullable = false, length = 64)
  public String resource;

  @Column(name = "record_id", nullable = false)
  public UUID recordId;

  @Column(name = "flow_id", nullable = false)
  public UUID flowId;

  @Column(name = "flow_name", nullable = false, length = 200)
  public String flowName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ApprovalStatus status;

  /** The current step's position, from 1. */
  @Column(nullable = false)
  public int step;

  /** Who may still decide the current step; empty once decided. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false)
  public List<UUID> awaiting = new ArrayList<>();

  @Column(name = "submitted_by", nullable = false)
  public UUID submittedBy;

  @Column(name = "submitted_at", nullable = false)
  public Instant submittedAt;

  @Column(name = "decided_at")
  public Instant decidedAt;

  /** The submitter's comment. */
  @Column(length = MAX_COMMENT)
  public String comment;

  @ElementCollection
  @CollectionTable(name = "approval_request_steps", joinColumns = @JoinColumn(name = "request_id"))
  @OrderColumn(name = "position")
  @ListIndexBase(1)
  public List<ApprovalRequestStep> steps = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "request_id", nullable = false, updatable = false)
  @OrderBy("at ASC, id ASC")
  public List<ApprovalDecision> decisions = new ArrayList<>();

  /** A new pending request, waiting for the first step's approvers. */
  public static ApprovalRequest open(
      String resource,
      UUID recordId,
      UUID flowId,
      String flowName,
      List<ApprovalRequestStep> steps,
      UUID submitter,
      String comment,
      Instant now) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("A request needs at least one step");
    }
    ApprovalRequest r = new ApprovalRequest();
    r.resource = resource;
    r.recordId = recordId;
    r.flowId = flowId;
    r.flowName = flowName;
    r.status = ApprovalStatus.PENDING;
    r.steps = new ArrayList<>(steps);
    r.step = 1;
    r.awaiting = new ArrayList<>(r.current().approverIds);
    r.submittedBy = submitter;
    r.submittedAt = now;
    r.comment = comment;
    r.decisions.add(new ApprovalDecision(1, submitter, ApprovalAction.SUBMITTED, comment, now));
    return r;
  }

  public ApprovalRequestStep current() {
    return steps.get(step - 1);
  }

  /** Records the approver's approval of the current step and moves on when it is complete. */
  public Outcome approve(UUID approver, String comment, Instant now) {
    requireDecider(approver);
    decisions.add(new ApprovalDecision(step, approver, ApprovalAction.APPROVED, comment, now));
    awaiting = new ArrayList<>(awaiting.stream().filter(a -> !a.equals(approver)).toList());
    if (!current().completedBy(approvedAtCurrentStep())) {
      return Outcome.STEP_WAITING;
    }
    if (step < steps.size()) {
      step++;
      awaiting = new ArrayList<>(current().approverIds);
      return Outcome.STEP_APPROVED;
    }
    decide(ApprovalStatus.APPROVED, now);
    return Outcome.APPROVED;
  }

  /** Rejects the request: one approver's rejection is enough at any step. */
  public void reject(UUID approver, String comment, Instant now) {
    requireDecider(approver);
    decisions.add(new ApprovalDecision(step, approver, ApprovalAction.REJECTED, comment, now));
    decide(ApprovalStatus.REJECTED, now);
  }

  /** The submitter takes the request back while it is pending. */
  public void withdraw(UUID caller, String comment, Instant now) {
    requirePending();
    if (!submittedBy.equals(caller)) {
      throw CrmException.forbidden(
          Text.of("Only the submitter may withdraw an approval.", "只有提交人可以撤回审批。"));
    }
    decisions.add(new ApprovalDecision(step, caller, ApprovalAction.WITHDRAWN, comment, now));
    decide(ApprovalStatus.WITHDRAWN, now);
  }

  /** Whether the principal may decide now. */
  public boolean awaits(UUID principal) {
    return status == ApprovalStatus.PENDING && awaiting.contains(principal);
  }

  /** The submitter and the approvers of every step: who may always read the request. */
  public boolean involves(UUID principal) {
    return submittedBy.equals(principal)
        || steps.stream().anyMatch(s -> s.approverIds.contains(principal));
  }

  private void decide(ApprovalStatus to, Instant now) {
    ApprovalStatus.MACHINE.check(status, to);
    status = to;
    decidedAt = now;
    awaiting = new ArrayList<>();
  }

  private Set<UUID> approvedAtCurrentStep() {
    return decisions.stream()
        .filter(d -> d.step == step && d.action == ApprovalAction.APPROVED)
        .map(d -> d.actorId)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private void requirePending() {
    if (status != ApprovalStatus.PENDING) {
      throw CrmException.conflict(
          Text.of(
              "The approval is already " + status + "; nothing is left to decide.",
              "该审批已结束（" + status + "），不能再处理。"));
    }
  }

  private void requireDecider(UUID approver) {
    requirePending();
    if (awaiting.contains(approver)) {
      return;
    }
    if (approvedAtCurrentStep().contains(approver)) {
      throw CrmException.conflict(
          Text.of(
              "You have already approved step " + step + " of this approval.",
              "您已审批过该审批的第 " + step + " 步。"));
    }
    throw CrmException.forbidden(
        Text.of(
            "Only the approvers of step " + step + " may decide this approval.",
            "只有第 " + step + " 步的审批人可以处理该审批。"));
  }
}
