package dev.headlesscrm.platform.approval;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a flow as clients read and write it; its position is its place in the list. */
@Schema(name = "ApprovalFlowStep", description = "Who decides one step of an approval flow.")
public record ApprovalStepDefinition(
    @NotNull ApprovalStepKind kind,
    @Size(max = ApprovalFlowService.MAX_APPROVERS)
        @Schema(
            description =
                "The employees who decide: none for SUPERVISOR, exactly one for EMPLOYEE, one or"
                    + " more for ANY_OF and ALL_OF.")
        List<UUID> employeeIds) {

  static ApprovalStepDefinition of(ApprovalFlowStep s) {
    return new ApprovalStepDefinition(s.kind, List.copyOf(s.employeeIds));
  }
}
