package dev.headlesscrm.platform.security;

import java.util.Set;
import java.util.UUID;

/** The organisation as data scope needs it; implemented by the admin context. */
public interface OrgDirectory {
  /** The employee and everyone below them in the supervisor chain. */
  Set<UUID> selfAndSubordinates(UUID employeeId);

  /** The department and all its sub-departments. */
  Set<UUID> departmentTree(UUID departmentId);
}
