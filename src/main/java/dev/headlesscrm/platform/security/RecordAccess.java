package dev.headlesscrm.platform.security;

/** Why the caller sees an owned record, which decides what they may do to it. */
public enum RecordAccess {
  /** Not visible: 404. */
  NONE,
  /** Shared with the caller read-only. */
  TEAM_READ,
  /** Shared with the caller to read and edit (not delete or transfer). */
  TEAM_WRITE,
  /** Within the caller's data scope: everything their function permissions allow. */
  SCOPE
}
