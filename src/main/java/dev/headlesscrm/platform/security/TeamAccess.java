package dev.headlesscrm.platform.security;

/** How a team member (团队成员) may use a record shared with them. */
public enum TeamAccess {
  READ,
  READ_WRITE
}
