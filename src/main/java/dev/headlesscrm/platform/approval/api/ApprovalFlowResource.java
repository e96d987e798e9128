package dev.headlesscrm.platform.approval.api;

import dev.headlesscrm.platform.approval.ApprovalFlowService;
import dev.headlesscrm.platform.approval.ApprovalFlowView;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Approval flows (审批流程): the standard routes; writes are for administrators. */
@Path("/api/v1/approval-flows")
@Tag(name = "Approvals")
public class ApprovalFlowResource extends RecordResource<ApprovalFlowView> {

  @Inject ApprovalFlowService service;

  @Override
  protected RecordService<?, ApprovalFlowView, ?> service() {
    return service;
  }

  @Override
  protected Class<ApprovalFlowView> viewType() {
    return ApprovalFlowView.class;
  }
}
