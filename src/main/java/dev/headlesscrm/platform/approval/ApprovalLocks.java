package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** A record is locked while it is in approval (审批中): every change is a 409 until decided. */
@ApplicationScoped
public class ApprovalLocks implements RecordLocks {

  @Inject ApprovalEngine engine;

  @Override
  @Transactional
  public Optional<Text> lockedBecause(String resource, UUID recordId) {
    if (recordId == null || !engine.isPending(resource, recordId)) {
      return Optional.empty();
    }
    return Optional.of(
        Text.of(
            "The "
                + resource
                + " is in approval and cannot change until it is decided or withdrawn.",
            "该" + resource + "正在审批中，审批结束或撤回前不能修改。"));
  }
}
