package dev.headlesscrm.sales.performance.domain;

/**
 * Where a commission stands. CALCULATED ones follow every recalculation; APPROVED and PAID ones are
 * never touched again (a later change is booked as an adjustment).
 */
public enum CommissionStatus {
  CALCULATED,
  APPROVED,
  PAID
}
