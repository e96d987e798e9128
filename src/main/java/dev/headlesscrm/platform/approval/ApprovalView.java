package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approval request as clients read it, with its steps and its full history. */
@Type("Approval")
@Schema(
    name = "Approval",
    description =
        "A record's way through an approval flow (审批): its steps with their approvers, where it"
            + " stands, and every submission, approval, rejection and withdrawal with comments.")
public record ApprovalView(
    @Id UUID id,
    @Schema(description = "The resource of the approved record.", examples = "quote")
        String resource,
    @Schema(description = "The approved record.") UUID recordId,
    UUID flowId,
    @Schema(examples = "报价折扣审批") String flowName,
    ApprovalStatus status,
    @Schema(description = "The current step's position, from 1 (the last one once decided).")
        int step,
    @Schema(description = "Who may still decide the current step; empty once decided.")
        List<UUID> awaiting,
    List<Step> steps,
    UUID submittedBy,
    Instant submittedAt,
    Instant decidedAt,
    @Schema(description = "The submitter's comment.") String comment,
    @Schema(description = "Every action on the request, oldest first.") List<Decision> history,
    long version)
    implements Versioned {

  /** A step with its approvers as resolved at submission, and who has approved it. */
  @Type("ApprovalStep")
  @Schema(name = "ApprovalStep")
  public record Step(
      int position, ApprovalStepKind kind, List<UUID> approverIds, List<UUID> approvedBy) {}

  /** One action on the request. */
  @Type("ApprovalDecision")
  @Schema(name = "ApprovalDecision")
  public record Decision(
      UUID id,
      int step,
      @Schema(description = "The approver, or the submitter for SUBMITTED and WITHDRAWN.")
          UUID actorId,
      ApprovalAction action,
      String comment,
      Instant at) {}

  static ApprovalView of(ApprovalRequest r) {
    List<Decision> history =
        r.decisions.stream()
            .map(d -> new Decision(d.id, d.step, d.actorId, d.action, d.comment, d.at))
            .toList();
    List<Step> steps = new java.util.ArrayList<>();
    for (int i = 0; i < r.steps.size(); i++) {
      int position = i + 1;
      ApprovalRequestStep s = r.steps.get(i);
      steps.add(
          new Step(
              position,
              s.kind,
              List.copyOf(s.approverIds),
              history.stream()
                  .filter(d -> d.step() == position && d.action() == ApprovalAction.APPROVED)
                  .map(Decision::actorId)
                  .toList()));
    }
    return new ApprovalView(
        r.id,
        r.resource,
        r.recordId,
        r.flowId,
        r.flowName,
        r.status,
        r.step,
        List.copyOf(r.awaiting),
        List.copyOf(steps),
        r.submittedBy,
        r.submittedAt,
        r.decidedAt,
        r.comment,
        history,
        r.version);
  }

  /** What events and history compare between two states of a request. */
  Map<String, Object> state() {
    Map<String, Object> state = new java.util.LinkedHashMap<>();
    state.put("status", status);
    state.put("step", step);
    state.put("awaiting", awaiting);
    state.put("decidedAt", decidedAt);
    return state;
  }
}
