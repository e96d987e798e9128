package dev.headlesscrm.platform.approval;

/** What one entry of an approval's history records. */
public enum ApprovalAction {
  SUBMITTED,
  APPROVED,
  REJECTED,
  WITHDRAWN
}
