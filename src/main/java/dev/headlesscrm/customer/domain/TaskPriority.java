package dev.headlesscrm.customer.domain;

/** How urgent a task (待办) is. */
public enum TaskPriority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
