package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.OrgDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Approval flows (审批流程): read by everyone, written by administrators (AccessPolicy). Rules: a
 * SUPERVISOR step names nobody, an EMPLOYEE step exactly one employee, ANY_OF and ALL_OF one or
 * more; every named employee is a working one; a resource has at most one active flow. Requests
 * already under way keep the steps they were submitted with.
 */
@ApplicationScoped
public class ApprovalFlowService
    extends RecordService<ApprovalFlow, ApprovalFlowView, ApprovalFlowInput> {

  static final int MAX_STEPS = 20;
  static final int MAX_APPROVERS = 50;

  private static final RecordDefinition<ApprovalFlow, ApprovalFlowView, ApprovalFlowInput>
      DEFINITION =
          RecordDefinition.of(
                  ApprovalResources.FLOWS,
                  ApprovalFlow.class,
                  ApprovalFlowView.class,
                  ApprovalFlowInput.class)
              .derived("steps", flow -> definitions(flow.steps))
              .own("steps")
              .build();

  @Inject OrgDirectory org;

  @Override
  protected RecordDefinition<ApprovalFlow, ApprovalFlowView, ApprovalFlowInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(ApprovalFlowInput input, ApprovalFlow flow, boolean creating) {
    List<ApprovalFlowStep> steps = new ArrayList<>();
    for (int i = 0; i < input.steps().size(); i++) {
      steps.add(step(i, input.steps().get(i)));
    }
    copy(input, flow);
    flow.name = input.name().trim();
    flow.active = input.active() == null || input.active();
    if (creating) {
      flow.steps = steps;
    } else if (!definitions(flow.steps).equals(definitions(steps))) {
      // Replaced only when changed, so a patch of the name alone leaves the steps' rows be.
      flow.steps.clear();
      flow.steps.addAll(steps);
    }
  }

  private static List<ApprovalStepDefinition> definitions(List<ApprovalFlowStep> steps) {
    return steps.stream().map(ApprovalStepDefinition::of).toList();
  }

  private ApprovalFlowStep step(int index, ApprovalStepDefinition step) {
    String field = "steps[" + index + "].employeeIds";
    List<UUID> ids =
        step.employeeIds() == null ? List.of() : step.employeeIds().stream().distinct().toList();
    boolean fits =
        switch (step.kind()) {
          case SUPERVISOR -> ids.isEmpty();
          case EMPLOYEE -> ids.size() == 1;
          case ANY_OF, ALL_OF -> !ids.isEmpty();
        };
    if (!fits) {
      throw CrmException.invalidField(
          field,
          "count",
          Text.of(
              "A SUPERVISOR step names nobody, an EMPLOYEE step one employee, ANY_OF and ALL_OF"
                  + " one or more.",
              "SUPERVISOR 步骤不指定员工，EMPLOYEE 步骤指定一名员工，ANY_OF 和 ALL_OF 至少指定一名员工。"));
    }
    for (UUID id : ids) {
      if (id == null || org.activeEmployee(id).isEmpty()) {
        throw CrmException.invalidField(
            field,
            "not-found",
            Text.of("No such active employee: " + id + ".", "该员工不存在或已停用：" + id + "。"));
      }
    }
    return new ApprovalFlowStep(step.kind(), ids);
  }
}
