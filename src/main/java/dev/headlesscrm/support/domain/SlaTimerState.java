package dev.headlesscrm.support.domain;

/** Where an SLA timer stands. */
public enum SlaTimerState {
  /** Counting working time, its warning time not reached. */
  RUNNING,
  /** Not counting (the request waits for the customer); resumes where it stopped. */
  PAUSED,
  /** Counting, past its warning time. */
  WARNING,
  /** Past its target (it keeps counting until it stops, so lateness is measured). */
  BREACHED,
  /** Stopped within its target. */
  MET
}
