package dev.headlesscrm.sales.receivable.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import dev.headlesscrm.sales.order.application.ContractFunds;
import dev.headlesscrm.sales.order.application.ContractService;
import dev.headlesscrm.sales.receivable.domain.PaymentPlan;
import dev.headlesscrm.sales.receivable.domain.PaymentPlanStatus;
import dev.headlesscrm.sales.shared.application.SalesValues;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Payment plans (回款计划): periods of a contract with due dates and amounts that never sum above the
 * contract amount (checked under a lock on the contract row). Their status follows what was
 * received; a daily job marks periods past due as OVERDUE (an event each), and {@link #due} lists
 * what falls due within the reminder lead days (应收款提前提醒天数).
 */
@ApplicationScoped
public class PaymentPlanService
    extends OwnedRecordService<PaymentPlan, PaymentPlanView, PaymentPlanInput> {

  static final String RESOURCE = "payment-plan";
  static final ZoneId ZONE = dev.headlesscrm.platform.api.BusinessTime.ZONE;

  @Inject ContractService contracts;
  @Inject SettingsService settings;

  private final RecordDefinition<PaymentPlan, PaymentPlanView, PaymentPlanInput> definition =
      RecordDefinition.of(
              ReceivableResources.PAYMENT_PLANS,
              PaymentPlan.class,
              PaymentPlanView.class,
              PaymentPlanInput.class)
          .view("amount", p -> SalesValues.money(p.amount, contracts.decimals()))
          .view("receivedAmount", p -> SalesValues.money(p.receivedAmount, contracts.decimals()))
          .view(
              "outstandingAmount",
              p -> SalesValues.money(p.amount.subtract(p.receivedAmount), contracts.decimals()))
          .own("contractId", "amount")
          .build();

  @Override
  protected RecordDefinition<PaymentPlan, PaymentPlanView, PaymentPlanInput> definition() {
    return definition;
  }

  @Override
  protected void apply(PaymentPlanInput in, PaymentPlan p, boolean creating) {
    if (!creating && !in.contractId().equals(p.contractId)) {
      throw CrmException.invalidField(
          "contractId", "read-only", Text.of("A period stays with its contract.", "回款计划不能改换合同。"));
    }
    if (p.status == PaymentPlanStatus.VOID) {
      throw CrmException.conflict(Text.of("The period is void.", "该回款计划已作废。"));
    }
    ContractFunds c = contracts.lockFunds(in.contractId(), "contractId");
    if (!c.takesPlans()) {
      throw CrmException.conflict(
          Text.of(
              "Periods are planned on open contracts (this one is " + c.status() + ").",
              "只能为未作废、未终止、未完成的合同制定回款计划（当前：" + c.status() + "）。"));
    }
    int scale = contracts.decimals();
    BigDecimal amount = in.amount().setScale(scale, RoundingMode.HALF_UP);
    BigDecimal others =
        (BigDecimal)
            em.createNativeQuery(
                    "SELECT coalesce(sum(amount), 0) FROM payment_plans WHERE contract_id = ?1"
                        + " AND deleted_at IS NULL AND status <> 'VOID' AND id <> ?2")
                .setParameter(1, c.id())
                .setParameter(2, p.id == null ? new UUID(0, 0) : p.id)
                .getSingleResult();
    if (others.add(amount).compareTo(c.amount()) > 0) {
      throw CrmException.invalidField(
          "amount",
          "exceeds-contract",
          Text.of(
              "The periods would sum to "
                  + others.add(amount).setScale(scale, RoundingMode.HALF_UP)
                  + ", above the contract amount "
                  + c.amount().setScale(scale, RoundingMode.HALF_UP)
                  + ".",
              "回款计划合计将超过合同金额。"));
    }
    if (creating) {
      p.contractId = c.id();
      p.receivedAmount = BigDecimal.ZERO;
      Number max =
          (Number)
              em.createNativeQuery(
                      "SELECT coalesce(max(period), 0) FROM payment_plans WHERE contract_id = ?1")
                  .setParameter(1, c.id())
                  .getSingleResult();
      p.period = max.intValue() + 1;
    }
    if (amount.compareTo(p.receivedAmount) < 0) {
      throw CrmException.invalidField(
          "amount", "below-received", Text.of("Less than already received.", "低于已回款金额。"));
    }
    copy(in, p);
    p.amount = amount;
    p.ownerId = c.ownerId();
    p.ownerDepartmentId = c.ownerDepartmentId();
    p.status = statusOf(p);
  }

  @Override
  protected void beforeDelete(PaymentPlan p) {
    if (p.receivedAmount.signum() > 0) {
      throw CrmException.conflict(Text.of("Payments were booked against it.", "该期已有回款，不能删除。"));
    }
  }

  /** What the received amount and the due date say. */
  static PaymentPlanStatus statusOf(PaymentPlan p) {
    if (p.status == PaymentPlanStatus.VOID) {
      return PaymentPlanStatus.VOID;
    }
    if (p.receivedAmount.compareTo(p.amount) >= 0) {
      return PaymentPlanStatus.RECEIVED;
    }
    if (p.dueDate.isBefore(LocalDate.now(ZONE))) {
      return PaymentPlanStatus.OVERDUE;
    }
    return p.receivedAmount.signum() > 0 ? PaymentPlanStatus.PARTIAL : PaymentPlanStatus.PENDING;
  }

  @Transactional
  public PaymentPlanView voidPeriod(UUID id) {
    PaymentPlan p = forUpdate(id);
    if (p.receivedAmount.signum() > 0) {
      throw CrmException.conflict(Text.of("Payments were booked against it.", "该期已有回款，不能作废。"));
    }
    return act(p, "voided", x -> x.status = PaymentPlanStatus.VOID);
  }

  /** A payment was approved (or voided) against this period, under the contract's lock. */
  void booked(UUID planId, BigDecimal delta) {
    PaymentPlan p = em.find(PaymentPlan.class, planId);
    act(
        p,
        delta.signum() >= 0 ? "received" : "reversed",
        x -> {
          x.receivedAmount = x.receivedAmount.add(delta);
          x.status = statusOf(x);
        });
  }

  /** Periods still to be received that fall due within the lead days (the setting by default). */
  @Transactional
  public Page<PaymentPlanView> due(Integer withinDays, Integer limit, String cursor) {
    int days =
        withinDays != null ? withinDays : settings.value(Setting.RECEIVABLE_REMINDER_DAYS).asInt(7);
    if (days < 0 || days > 3650) {
      throw CrmException.invalidField(
          "withinDays", "range", Text.of("0 to 3650.", "须在 0 到 3650 之间。"));
    }
    LocalDate until = LocalDate.now(ZONE).plusDays(days);
    return list(
        new ListQuery(
            "status=in=(PENDING,PARTIAL,OVERDUE);dueDate=le=" + until,
            null,
            List.of("dueDate"),
            limit,
            cursor,
            null,
            null,
            null,
            null));
  }

  /** Daily (and on start-up catch-up): periods past their due date become OVERDUE. */
  @Scheduled(
      cron = "0 5 0 * * ?",
      timeZone = dev.headlesscrm.platform.api.BusinessTime.ZONE_ID,
      identity = "payment-plans-overdue")
  void overdueJob() {
    markOverdue();
  }

  /** Marks every period past due and not fully received as OVERDUE; returns how many. */
  @Transactional
  public int markOverdue() {
    List<PaymentPlan> late =
        em.createQuery(
                "from PaymentPlan p where p.deletedAt is null and p.dueDate < :today"
                    + " and p.status in (:open)",
                PaymentPlan.class)
            .setParameter("today", LocalDate.now(ZONE))
            .setParameter("open", List.of(PaymentPlanStatus.PENDING, PaymentPlanStatus.PARTIAL))
            .getResultList();
    late.forEach(p -> act(p, "overdue", x -> x.status = PaymentPlanStatus.OVERDUE));
    return late.size();
  }
}
