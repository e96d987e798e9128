package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.sales.order.domain.Contract;
import dev.headlesscrm.sales.order.domain.ContractStatus;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.UUID;

/**
 * A contract's money as payments and payment plans check against it, read while its row is locked
 * ({@link ContractService#lockFunds}): the amount, what approved payments brought in, and whether
 * payments may be registered (approved or active contracts only) and payment-plan periods planned
 * (not on a void, terminated or completed contract).
 */
public record ContractFunds(
    UUID id,
    String number,
    String status,
    boolean takesPayments,
    boolean takesPlans,
    BigDecimal amount,
    BigDecimal receivedAmount,
    UUID ownerId,
    UUID ownerDepartmentId) {

  static ContractFunds of(Contract c) {
    return new ContractFunds(
        c.id,
        c.number,
        c.status.name(),
        EnumSet.of(ContractStatus.APPROVED, ContractStatus.ACTIVE).contains(c.status),
        !EnumSet.of(ContractStatus.VOID, ContractStatus.TERMINATED, ContractStatus.COMPLETED)
            .contains(c.status),
        c.amount,
        c.receivedAmount,
        c.ownerId,
        c.ownerDepartmentId);
  }
}
