package dev.headlesscrm.sales.lead.domain;

/** Where a lead (线索) stands. CONVERTED is reached only by converting it. */
public enum LeadStatus {
  NEW,
  CONTACTED,
  QUALIFIED,
  UNQUALIFIED,
  CONVERTED
}
