package dev.headlesscrm.sales.receivable.domain;

/** How a payment was made. */
public enum PaymentMethod {
  BANK_TRANSFER,
  CASH,
  CHEQUE,
  ALIPAY,
  WECHAT_PAY,
  ACCEPTANCE_BILL,
  OTHER
}
