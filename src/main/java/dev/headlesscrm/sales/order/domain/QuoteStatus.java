package dev.headlesscrm.sales.order.domain;

/** Where a quote (报价) stands. */
public enum QuoteStatus {
  DRAFT,
  IN_APPROVAL,
  APPROVED,
  REJECTED,
  SENT,
  ACCEPTED,
  EXPIRED
}
