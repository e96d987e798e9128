package dev.headlesscrm.platform.approval;

import java.util.UUID;

/**
 * How a resource learns the outcome of its records' approvals (quotes, contracts, payments). Every
 * bean whose {@link #resource()} matches is called inside the transaction of the decision, after
 * the request is written and no longer pending: the record is unlocked again, so the listener may
 * change it (e.g. its status); an exception rolls the decision back.
 */
public interface ApprovalListener {

  /** The resource this listener answers for, as passed to {@link ApprovalEngine#submit}. */
  String resource();

  /**
   * Locks the record until the transaction ends, before a decision on its approval is taken (the
   * decider need not see it: no permission or visibility check). Records the outcome changes should
   * be locked here; nothing is locked by default.
   */
  default void lock(UUID recordId) {}

  /** The last step approved the record. */
  void approved(UUID recordId, ApprovalView approval);

  /** An approver rejected the record. */
  void rejected(UUID recordId, ApprovalView approval);

  /** The submitter took the record back out of approval. */
  default void withdrawn(UUID recordId, ApprovalView approval) {}

  /**
   * Whether the current caller may see the record, and so its approvals (besides the submitter, the
   * approvers and administrators, who always may).
   */
  default boolean readable(UUID recordId) {
    return false;
  }
}
