package dev.headlesscrm.customer.domain;

/** Where a task (待办) stands. */
public enum TaskStatus {
  OPEN,
  DONE,
  CANCELLED
}
