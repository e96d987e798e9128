package dev.headlesscrm.support.domain;

/** What a service project delivers. */
public enum ProjectKind {
  /** Putting in what the customer bought (实施项目). */
  IMPLEMENTATION,
  /** Ongoing service for the customer (服务项目). */
  SERVICE,
  /** Advice and training. */
  CONSULTING,
  /** Upkeep of what was delivered. */
  MAINTENANCE
}
