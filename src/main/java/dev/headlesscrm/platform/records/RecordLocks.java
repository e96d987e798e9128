package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.api.Text;
import java.util.Optional;
import java.util.UUID;

/**
 * Records that may not change for now (e.g. while in approval, 审批中): every update, upsert, delete
 * and transfer of a record service asks here first and answers 409 with the reason. The approval
 * engine implements it; without one, nothing is locked.
 */
public interface RecordLocks {

  /** Why the record is locked, or empty when it may change. */
  Optional<Text> lockedBecause(String resource, UUID recordId);
}
