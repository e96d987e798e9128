package dev.headlesscrm.support.domain;

/**
 * When a service contract's cases are counted: as a request is made, or when it is first resolved.
 * Hours are counted when the request is resolved either way (only then are they known).
 */
public enum EntitlementConsumption {
  CREATION,
  RESOLUTION
}
