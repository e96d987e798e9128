package dev.headlesscrm.sales.domain;

/** How promising a lead looks. */
public enum LeadRating {
  HOT,
  WARM,
  COLD
}
