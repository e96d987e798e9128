package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** What the approval tables' constraints mean to a client (races the services cannot see). */
@ApplicationScoped
public class ApprovalConstraints implements ConstraintProblems {

  @Override
  public Map<String, Meaning> constraints() {
    return Map.of(
        "approval_flows_active_key",
        Meaning.duplicate(
            "active",
            Text.of(
                "The resource already has an active approval flow; deactivate it first.",
                "该资源已有启用的审批流程，请先停用它。")),
        "approval_requests_pending_key",
        Meaning.inUse(Text.of("The record is already in approval.", "该记录已在审批中，不能重复提交。")),
        "approval_requests_flow_id_fkey",
        Meaning.inUse(
            Text.of(
                "Approvals were made with this flow; it can be deleted but not erased.",
                "已有审批使用该流程，只能删除，不能彻底清除。")));
  }
}
