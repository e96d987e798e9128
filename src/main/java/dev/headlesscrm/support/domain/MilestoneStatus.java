package dev.headlesscrm.support.domain;

/** Whether a project milestone was reached. */
public enum MilestoneStatus {
  PENDING,
  REACHED
}
