package dev.headlesscrm.platform.records;

import java.util.UUID;

/**
 * A {@link TransferParticipant} whose related records point at the transferred one by a field (a
 * customer's contacts by {@code customerId}, a contract's payments by {@code contractId}): they
 * move to the new owner with it, each recorded as transferred. Contexts produce one per relation.
 */
public record FollowingRecords(
    String resource, String carries, OwnedRecordService<?, ?, ?> follower, String parentField)
    implements TransferParticipant {

  @Override
  public void carry(UUID recordId, Transfer transfer) {
    follower.follow(parentField, recordId, transfer);
  }
}
