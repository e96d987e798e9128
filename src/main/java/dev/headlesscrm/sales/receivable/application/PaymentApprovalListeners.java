package dev.headlesscrm.sales.receivable.application;

import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.sales.shared.application.SalesApprovalListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The approval outcomes of payments, back into their status. */
public final class PaymentApprovalListeners {
  private PaymentApprovalListeners() {}

  /** Payments: approval books the amount (within the contract, under its lock). */
  @ApplicationScoped
  public static class Payments extends SalesApprovalListeners.DocumentListener {
    @Inject PaymentService payments;

    @Override
    protected RecordService<?, ?, ?> service() {
      return payments;
    }

    @Override
    protected SalesApprovalListeners.Outcomes outcomes() {
      return payments;
    }
  }
}
