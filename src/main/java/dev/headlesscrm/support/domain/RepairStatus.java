package dev.headlesscrm.support.domain;

/** Where a repair stands (see {@link RepairStates}). */
public enum RepairStatus {
  OPEN,
  SCHEDULED,
  IN_PROGRESS,
  COMPLETED,
  CANCELLED
}
