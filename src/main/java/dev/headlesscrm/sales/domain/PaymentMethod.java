package dev.headlesscrm.sales.domain;

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
