package dev.headlesscrm.platform.approval;

/** Who decides a step of an approval flow. */
public enum ApprovalStepKind {
  /** The submitter's supervisor (直属上级), resolved when the request is submitted. */
  SUPERVISOR,
  /** One named employee. */
  EMPLOYEE,
  /** Any one of several employees: the first approval completes the step (或签). */
  ANY_OF,
  /** All of several employees must approve (会签); any rejection rejects the request. */
  ALL_OF
}
