package dev.headlesscrm.sales.shared.application;

import dev.headlesscrm.platform.approval.ApprovalEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Where quotes, contracts and payments meet the approval engine: a submitted record goes into
 * approval when its resource has an active approval flow (/api/v1/approval-flows), else it is
 * approved at once. Outcomes come back through {@link SalesApprovalListeners}.
 */
@ApplicationScoped
public class SalesApprovals {

  @Inject ApprovalEngine engine;

  /** True when the record is now in approval; false when no flow applies (approve directly). */
  public boolean submit(String resource, UUID recordId, String comment) {
    if (!engine.hasActiveFlow(resource)) {
      return false;
    }
    engine.submit(resource, recordId, comment);
    return true;
  }
}
