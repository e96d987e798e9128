package dev.headlesscrm.sales.lead.domain;

/** How promising a lead looks. */
public enum LeadRating {
  HOT,
  WARM,
  COLD
}
