package dev.headlesscrm.sales.domain;

/** An opportunity's status, following the kind of its stage. */
public enum OpportunityStatus {
  OPEN,
  WON,
  LOST
}
