package dev.headlesscrm.support.domain;

/** What an entitlement term counts: service requests (cases) or hours worked on them. */
public enum EntitlementUnit {
  CASES,
  HOURS
}
