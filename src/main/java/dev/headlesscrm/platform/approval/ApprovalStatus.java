package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.state.StateMachine;

/** Where an approval request stands: pending until approved, rejected or withdrawn. */
public enum ApprovalStatus {
  PENDING,
  APPROVED,
  REJECTED,
  WITHDRAWN;

  /**
   * A request is decided once: the last step's approval, any rejection, or the submitter's
   * withdrawal. A decided request stays as it is; the record is submitted again as a new request.
   */
  public static final StateMachine<ApprovalStatus> MACHINE =
      StateMachine.of("approval", ApprovalStatus.class)
          .allow(PENDING, APPROVED, REJECTED, WITHDRAWN)
          .build();
}
