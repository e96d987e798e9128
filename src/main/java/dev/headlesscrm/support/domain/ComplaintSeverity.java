package dev.headlesscrm.support.domain;

/** How serious a complaint (投诉) is. */
public enum ComplaintSeverity {
  MINOR,
  MAJOR,
  CRITICAL
}
