package dev.headlesscrm.sales.receivable.domain;

/** Where a payment (回款) stands; only APPROVED payments count as received. */
public enum PaymentStatus {
  DRAFT,
  IN_APPROVAL,
  APPROVED,
  REJECTED,
  VOID
}
