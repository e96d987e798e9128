package dev.headlesscrm.sales.order.domain;

/** Where a contract (合同) stands. */
public enum ContractStatus {
  DRAFT,
  IN_APPROVAL,
  APPROVED,
  REJECTED,
  ACTIVE,
  COMPLETED,
  TERMINATED,
  VOID
}
