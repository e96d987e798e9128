package dev.headlesscrm.sales.performance.domain;

/** What a sales target (业绩目标) measures. */
public enum SalesTargetMetric {
  /** The amount of approved, active or completed contracts signed in the period. */
  CONTRACT_AMOUNT,
  /** Approved payments paid in the period. */
  PAYMENTS_RECEIVED,
  /** Customers created in the period. */
  NEW_CUSTOMERS
}
