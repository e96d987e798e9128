package dev.headlesscrm.sales.receivable.application;

import dev.headlesscrm.platform.records.FollowingRecords;
import dev.headlesscrm.platform.records.TransferParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * A contract's transfer always carries its payment plans and payments ({@code "payments"}, added by
 * the contract's reassign).
 */
@ApplicationScoped
public class ReceivablesFollowContract {

  @Produces
  TransferParticipant paymentPlans(PaymentPlanService service) {
    return new FollowingRecords("contract", "payments", service, "contractId");
  }

  @Produces
  TransferParticipant payments(PaymentService service) {
    return new FollowingRecords("contract", "payments", service, "contractId");
  }
}
