package dev.headlesscrm.admin.domain;

/** Whether an employee currently works here. */
public enum EmployeeStatus {
  ACTIVE,
  INACTIVE,
  LEFT
}
