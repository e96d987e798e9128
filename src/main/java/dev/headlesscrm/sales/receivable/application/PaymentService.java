package dev.headlesscrm.sales.receivable.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.sales.order.application.ContractFunds;
import dev.headlesscrm.sales.order.application.ContractService;
import dev.headlesscrm.sales.performance.application.CommissionService;
import dev.headlesscrm.sales.receivable.domain.Payment;
import dev.headlesscrm.sales.receivable.domain.PaymentPlan;
import dev.headlesscrm.sales.receivable.domain.PaymentPlanStatus;
import dev.headlesscrm.sales.receivable.domain.PaymentStates;
import dev.headlesscrm.sales.receivable.domain.PaymentStatus;
import dev.headlesscrm.sales.shared.application.SalesApprovalListeners;
import dev.headlesscrm.sales.shared.application.SalesApprovals;
import dev.headlesscrm.sales.shared.application.SalesValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.UUID;

/**
 * Payments (回款): numbered HK+date+sequence, registered against an approved or active contract (and
 * optionally one of its plan periods), approved directly or through approval. Every check of the
 * contract amount runs under a lock on the contract row, so that registered payments (and, what
 * counts, approved ones) can never together exceed the contract, however many arrive at once; a
 * database CHECK (received ≤ amount) backs it.
 */
@ApplicationScoped
public class PaymentService extends OwnedRecordService<Payment, PaymentView, PaymentInput>
    implements SalesApprovalListeners.Outcomes {

  static final String RESOURCE = "payment";

  @Inject NumberingService numbering;
  @Inject ContractService contracts;
  @Inject PaymentPlanService plans;
  @Inject SalesApprovals approvals;
  @Inject CommissionService commissions;

  private final RecordDefinition<Payment, PaymentView, PaymentInput> definition =
      RecordDefinition.of(
              ReceivableResources.PAYMENTS, Payment.class, PaymentView.class, PaymentInput.class)
          .view("amount", p -> SalesValues.money(p.amount, contracts.decimals()))
          .own("contractId", "amount")
          .build();

  @Override
  protected RecordDefinition<Payment, PaymentView, PaymentInput> definition() {
    return definition;
  }

  @Override
  protected void apply(PaymentInput in, Payment p, boolean creating) {
    if (!creating && !EnumSet.of(PaymentStatus.DRAFT, PaymentStatus.REJECTED).contains(p.status)) {
      throw CrmException.conflict(
          Text.of(
              "A payment can be changed only while DRAFT or REJECTED (it is " + p.status + ").",
              "回款只有在草稿或被驳回时可以修改。"));
    }
    if (creating) {
      // Numbered before the contract row is locked: the number comes from its own short
      // transaction, which must not wait for a connection while this one holds the lock.
      p.number = numbering.next(RESOURCE);
      p.status = PaymentStatus.DRAFT;
    }
    ContractFunds c = contracts.lockFunds(in.contractId(), "contractId");
    if (!c.takesPayments()) {
      throw CrmException.conflict(
          Text.of(
              "Payments are registered against approved or active contracts (this one is "
                  + c.status()
                  + ").",
              "只能对已审批或执行中的合同登记回款。"));
    }
    if (in.planId() != null) {
      PaymentPlan plan = em.find(PaymentPlan.class, in.planId());
      if (plan == null
          || plan.isDeleted()
          || !plan.contractId.equals(c.id())
          || plan.status == PaymentPlanStatus.VOID) {
        throw CrmException.invalidField(
            "planId",
            "not-of-contract",
            Text.of("Not a live period of this contract.", "不是该合同有效的回款计划。"));
      }
    }
    BigDecimal amount = in.amount().setScale(contracts.decimals(), RoundingMode.HALF_UP);
    BigDecimal registered =
        (BigDecimal)
            em.createNativeQuery(
                    "SELECT coalesce(sum(amount), 0) FROM payments WHERE contract_id = ?1"
                        + " AND deleted_at IS NULL AND status NOT IN ('VOID', 'REJECTED')"
                        + " AND id <> ?2")
                .setParameter(1, c.id())
                .setParameter(2, p.id == null ? new UUID(0, 0) : p.id)
                .getSingleResult();
    if (registered.add(amount).compareTo(c.amount()) > 0) {
      throw exceeds(c, registered, amount);
    }
    if (!creating && p.status == PaymentStatus.REJECTED) {
      p.status = PaymentStatus.DRAFT;
    }
    copy(in, p);
    p.contractId = c.id();
    p.amount = amount;
    p.ownerId = c.ownerId();
    p.ownerDepartmentId = c.ownerDepartmentId();
  }

  private CrmException exceeds(ContractFunds c, BigDecimal already, BigDecimal amount) {
    int scale = contracts.decimals();
    return new CrmException(
        dev.headlesscrm.platform.api.ProblemType.CONFLICT,
        Text.of(
            "This payment of "
                + amount.setScale(scale, RoundingMode.HALF_UP)
                + " would take the payments of contract "
                + c.number()
                + " to "
                + already.add(amount).setScale(scale, RoundingMode.HALF_UP)
                + ", above its amount "
                + c.amount().setScale(scale, RoundingMode.HALF_UP)
                + ".",
            "该笔回款将使合同 " + c.number() + " 的回款超过合同金额。"),
        java.util.List.of(),
        java.util.Map.of(
            "contractAmount", c.amount().setScale(scale, RoundingMode.HALF_UP),
            "alreadyRegistered", already.setScale(scale, RoundingMode.HALF_UP)));
  }

  /** Approved at once, or into approval when the payment approval flow is active. */
  @Transactional
  public PaymentView submit(UUID id) {
    Payment p = forUpdate(id);
    PaymentStates.PAYMENT.act(p.status, PaymentStatus.APPROVED, PaymentStatus.IN_APPROVAL);
    if (approvals.submit(RESOURCE, p.id, null)) {
      return act(p, "submitted", x -> x.status = PaymentStatus.IN_APPROVAL);
    }
    return approve(p);
  }

  /** An approved payment booked in error: what it added to the contract and period goes back. */
  @Transactional
  public PaymentView voidPayment(UUID id) {
    Payment p = forUpdate(id);
    PaymentStates.PAYMENT.act(p.status, PaymentStatus.VOID);
    if (p.status == PaymentStatus.APPROVED) {
      contracts.lockFunds(p.contractId);
      contracts.received(p.contractId, p.amount.negate());
      if (p.planId != null) {
        plans.booked(p.planId, p.amount.negate());
      }
    }
    PaymentView after = act(p, "voided", x -> x.status = PaymentStatus.VOID);
    commissions.recalculateAt(p.ownerId, p.paidOn);
    return after;
  }

  /** The submitter took it back out of approval: a draft again. */
  @Transactional
  @Override
  public void withdrawn(UUID id) {
    Payment x = em.find(Payment.class, id);
    if (x != null && x.status == PaymentStatus.IN_APPROVAL) {
      act(x, "withdrawn", y -> y.status = PaymentStatus.DRAFT);
    }
  }

  /** The approval engine's outcome. */
  @Transactional
  @Override
  public void decided(UUID id, boolean approved) {
    Payment p = em.find(Payment.class, id);
    if (p == null || p.status != PaymentStatus.IN_APPROVAL) {
      return;
    }
    if (approved) {
      approve(p);
    } else {
      act(p, "rejected", x -> x.status = PaymentStatus.REJECTED);
    }
  }

  @Override
  protected void beforeDelete(Payment p) {
    if (p.status == PaymentStatus.APPROVED || p.status == PaymentStatus.IN_APPROVAL) {
      throw CrmException.conflict(
          Text.of("Void an approved payment instead of deleting it.", "已审批的回款请作废而不是删除。"));
    }
  }

  private PaymentView approve(Payment p) {
    ContractFunds c = contracts.lockFunds(p.contractId);
    if (c.receivedAmount().add(p.amount).compareTo(c.amount()) > 0) {
      throw exceeds(c, c.receivedAmount(), p.amount);
    }
    contracts.received(c.id(), p.amount);
    if (p.planId != null) {
      plans.booked(p.planId, p.amount);
    }
    PaymentView after = act(p, "approved", x -> x.status = PaymentStatus.APPROVED);
    commissions.recalculateAt(p.ownerId, p.paidOn);
    return after;
  }
}
