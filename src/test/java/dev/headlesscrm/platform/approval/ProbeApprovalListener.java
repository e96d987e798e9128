package dev.headlesscrm.platform.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only listener of resource "probe": records each outcome it hears, with whether the record
 * was still locked at that moment; fails for the records in {@link #FAILING} (as a listener whose
 * record refuses the change would); says the records in {@link #READABLE} are visible to every
 * caller.
 */
@ApplicationScoped
public class ProbeApprovalListener implements ApprovalListener {

  static final String RESOURCE = "probe";

  /** One outcome heard. */
  record Heard(
      String outcome, UUID recordId, UUID approvalId, ApprovalStatus status, boolean locked) {}

  static final List<Heard> HEARD = new CopyOnWriteArrayList<>();
  static final Set<UUID> READABLE = ConcurrentHashMap.newKeySet();
  static final Set<UUID> FAILING = ConcurrentHashMap.newKeySet();

  @Inject ApprovalLocks locks;

  static List<Heard> heard(UUID recordId) {
    return HEARD.stream().filter(h -> h.recordId().equals(recordId)).toList();
  }

  @Override
  public String resource() {
    return RESOURCE;
  }

  @Override
  public void approved(UUID recordId, ApprovalView approval) {
    hear("approved", recordId, approval);
  }

  @Override
  public void rejected(UUID recordId, ApprovalView approval) {
    hear("rejected", recordId, approval);
  }

  @Override
  public void withdrawn(UUID recordId, ApprovalView approval) {
    hear("withdrawn", recordId, approval);
  }

  @Override
  public boolean readable(UUID recordId) {
    return READABLE.contains(recordId);
  }

  private void hear(String outcome, UUID recordId, ApprovalView approval) {
    if (FAILING.contains(recordId)) {
      throw dev.headlesscrm.platform.api.CrmException.conflict(
          dev.headlesscrm.platform.api.Text.of("The probe refuses.", "探针记录拒绝该结果。"));
    }
    HEARD.add(
        new Heard(
            outcome,
            recordId,
            approval.id(),
            approval.status(),
            locks.lockedBecause(RESOURCE, recordId).isPresent()));
  }
}
