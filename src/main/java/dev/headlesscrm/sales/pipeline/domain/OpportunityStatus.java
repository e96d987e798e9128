package dev.headlesscrm.sales.pipeline.domain;

/** An opportunity's status, following the kind of its stage. */
public enum OpportunityStatus {
  OPEN,
  WON,
  LOST
}
