package dev.headlesscrm.support.domain;

/** How badly a defect hurts customers. */
public enum DefectSeverity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
