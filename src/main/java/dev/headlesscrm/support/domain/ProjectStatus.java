package dev.headlesscrm.support.domain;

/** Where a service project stands (see {@link ProjectStates}). */
public enum ProjectStatus {
  PLANNED,
  IN_PROGRESS,
  ON_HOLD,
  COMPLETED,
  CANCELLED
}
