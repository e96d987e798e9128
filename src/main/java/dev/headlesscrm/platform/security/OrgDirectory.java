package dev.headlesscrm.platform.security;

import java.util.Set;
import java.util.UUID;

/** The organisation as data scope needs it; implemented by the admin context. */
public interface OrgDirectory {
  /** The employee and everyone below them in the supervisor chain. */
  Set<UUID> selfAndSubordinates(UUID employeeId);

  /** A working (active, not deleted) employee and their department, if there is one. */
  java.util.Optional<Member> activeEmployee(UUID employeeId);

  /**
   * The employee's supervisor (直属上级) while the supervisor is a working employee; empty when there
   * is none, as approval steps of kind SUPERVISOR need it.
   */
  java.util.Optional<UUID> activeSupervisor(UUID employeeId);

  /** An employee as ownership needs them. */
  record Member(UUID id, UUID departmentId) {}

  /** The department and all its sub-departments. */
  Set<UUID> departmentTree(UUID departmentId);

  /**
   * The departments the employee manages (部门负责人), each with all its sub-departments: whose
   * department-wide figures (targets, rankings) a manager sees whatever their data scope.
   */
  Set<UUID> managedDepartmentTrees(UUID employeeId);
}
