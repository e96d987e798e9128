package dev.headlesscrm.platform.records;

import java.util.UUID;

/**
 * Related records that can move with a record when it changes owner: a customer carries its
 * contacts (and later opportunities and contracts). Declared as a bean by the context that owns the
 * related records.
 */
public interface TransferParticipant {

  /** The resource whose transfer this joins, e.g. {@code customer}. */
  String resource();

  /** The name clients give in {@code carry}, e.g. {@code contacts}. */
  String carries();

  /** Moves the related records of this record to the transfer's new owner. */
  void carry(UUID recordId, Transfer transfer);

  /** One change of owner as participants apply it. */
  record Transfer(
      UUID from,
      UUID to,
      UUID toDepartment,
      dev.headlesscrm.platform.security.TeamAccess previousOwnerAccess) {}
}
