package dev.headlesscrm.sales.performance.domain;

/** What a commission (佣金) is computed on. */
public enum CommissionBasis {
  /** The amount of contracts approved (by signing date, else approval date). */
  CONTRACT_AMOUNT,
  /** Approved payments (回款), by the day they were paid. */
  RECEIVED_PAYMENTS
}
