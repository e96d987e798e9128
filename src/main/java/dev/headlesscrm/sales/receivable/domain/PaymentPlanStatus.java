package dev.headlesscrm.sales.receivable.domain;

/** How far a payment plan period (回款计划) is received. */
public enum PaymentPlanStatus {
  PENDING,
  PARTIAL,
  RECEIVED,
  OVERDUE,
  VOID
}
