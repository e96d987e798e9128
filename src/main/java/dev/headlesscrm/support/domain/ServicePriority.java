package dev.headlesscrm.support.domain;

/** How urgent a service request is; SLA policies choose by it. */
public enum ServicePriority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
