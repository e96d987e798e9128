package dev.headlesscrm.sales.receivable.domain;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of payments (回款), declared once. */
public final class PaymentStates {
  private PaymentStates() {}

  /** Payments: registered, approved (directly or through approval), voided if wrong. */
  public static final StateMachine<PaymentStatus> PAYMENT =
      StateMachine.of("payment", PaymentStatus.class)
          .allow(
              PaymentStatus.DRAFT,
              PaymentStatus.IN_APPROVAL,
              PaymentStatus.APPROVED,
              PaymentStatus.VOID)
          .allow(
              PaymentStatus.IN_APPROVAL,
              PaymentStatus.APPROVED,
              PaymentStatus.REJECTED,
              PaymentStatus.DRAFT)
          .allow(PaymentStatus.REJECTED, PaymentStatus.DRAFT, PaymentStatus.VOID)
          .allow(PaymentStatus.APPROVED, PaymentStatus.VOID)
          .build();
}
