package dev.headlesscrm.platform.security;

import java.util.Set;
import java.util.UUID;

/** The organisation as data scope needs it; implemented by the admin context. */
public interface OrgDirectory {
  /** The employee and everyone below them in the supervisor chain. */
  Set<UUID> selfAndSubordinates(UUID employeeId);

  /** A working (active, not deleted) employee and their department, if there is one. */
  java.util.Optional<Member> activeEmployee(UUID employeeId);

  /** An employee as ownership needs them. */
  record Member(UUID id, UUID departmentId) {}

  /** The department and all its sub-departments. */
  Set<UUID> departmentTree(UUID departmentId);
}
