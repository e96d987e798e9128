package dev.headlesscrm.support.domain;

/** Where a service request stands (see {@link ServiceRequestStates}). */
public enum ServiceRequestStatus {
  NEW,
  ASSIGNED,
  IN_PROGRESS,
  WAITING_FOR_CUSTOMER,
  RESOLVED,
  CLOSED,
  REOPENED
}
