package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What lists of approval flows may filter and sort by. */
@ApplicationScoped
public class ApprovalResources implements ResourceDeclarations {

  static final ResourceSpec FLOWS =
      ResourceSpec.builder("approval-flow", "approval_flows")
          .view(ApprovalFlowView.class)
          .field("resource", "resource", FieldType.STRING, true, false)
          .field("name", "name", FieldType.STRING, true, false)
          .field("active", "active", FieldType.BOOLEAN, false, false)
          .auditFields()
          .softDelete()
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(FLOWS);
  }
}
