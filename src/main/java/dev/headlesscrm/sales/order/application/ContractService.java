package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.admin.application.EmployeeService;
import dev.headlesscrm.customer.application.CustomerService;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.TransferParticipant;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import dev.headlesscrm.sales.order.domain.Contract;
import dev.headlesscrm.sales.order.domain.ContractLine;
import dev.headlesscrm.sales.order.domain.ContractStatus;
import dev.headlesscrm.sales.order.domain.OrderStates;
import dev.headlesscrm.sales.order.domain.Quote;
import dev.headlesscrm.sales.performance.application.CommissionService;
import dev.headlesscrm.sales.pipeline.application.OpportunityReferences;
import dev.headlesscrm.sales.shared.application.SalesApprovalListeners;
import dev.headlesscrm.sales.shared.application.SalesApprovals;
import dev.headlesscrm.sales.shared.application.SalesReferences;
import dev.headlesscrm.sales.shared.application.SalesValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Contracts (销售合同): numbered HT+date+sequence, made by hand or from an accepted quote in one call,
 * approved (directly or through approval; approval marks the customer won, 成交), then active until
 * completed or terminated. Received and outstanding amounts follow the approved payments (kept by
 * the receivables' payments under a lock on the contract row, through {@link #lockFunds} and {@link
 * #received}).
 */
@ApplicationScoped
public class ContractService extends OwnedRecordService<Contract, ContractView, ContractInput>
    implements SalesApprovalListeners.Outcomes {

  static final String RESOURCE = "contract";
  static final ZoneId ZONE = dev.headlesscrm.platform.api.BusinessTime.ZONE;

  @Inject dev.headlesscrm.platform.settings.DecimalPlaces decimalPlaces;
  @Inject NumberingService numbering;
  @Inject SettingsService settings;
  @Inject SalesReferences references;
  @Inject OpportunityReferences opportunityReferences;
  @Inject LinePricing pricing;
  @Inject SalesApprovals approvals;
  @Inject QuoteService quotes;
  @Inject CustomerService customers;
  @Inject EmployeeService employees;
  @Inject CommissionService commissions;

  private final RecordDefinition<Contract, ContractView, ContractInput> definition =
      PricedLines.lines(
              RecordDefinition.of(
                  OrderResources.CONTRACTS,
                  Contract.class,
                  ContractView.class,
                  ContractInput.class),
              c -> c.lines,
              this::decimals)
          .rounded(this::decimals, "amount", "receivedAmount")
          .view(
              "outstandingAmount",
              c -> PricedLines.money(c.amount.subtract(c.receivedAmount), decimals()))
          .own("name", "currency", "amount")
          .build();

  @Override
  protected RecordDefinition<Contract, ContractView, ContractInput> definition() {
    return definition;
  }

  /** The decimal places of contract amounts (system parameter decimal-places.contract). */
  public int decimals() {
    return decimalPlaces.of(Setting.CONTRACT_DECIMALS);
  }

  @Override
  protected void apply(ContractInput in, Contract c, boolean creating) {
    if (!creating
        && !EnumSet.of(ContractStatus.DRAFT, ContractStatus.REJECTED).contains(c.status)) {
      throw CrmException.conflict(
          Text.of(
              "A contract can be changed only while DRAFT or REJECTED (it is " + c.status + ").",
              "合同只有在草稿或被驳回时可以修改。"));
    }
    references.customer(in.customerId(), "customerId");
    opportunityReferences.opportunityOf(in.opportunityId(), in.customerId(), "opportunityId");
    references.contactOf(in.customerSignatoryId(), in.customerId(), "customerSignatoryId");
    if (in.companySignatoryId() != null
        && employees.getAll(List.of(in.companySignatoryId())).isEmpty()) {
      throw CrmException.invalidField(
          "companySignatoryId", "not-found", Text.of("No such employee.", "员工不存在。"));
    }
    if (in.startDate() != null && in.endDate() != null && in.endDate().isBefore(in.startDate())) {
      throw CrmException.invalidField(
          "endDate", "before-start", Text.of("Ends before it starts.", "结束日期早于开始日期。"));
    }
    if (creating) {
      c.number = numbering.next(RESOURCE);
      c.receivedAmount = BigDecimal.ZERO;
    }
    c.status = ContractStatus.DRAFT;
    copy(in, c);
    c.name = in.name().trim();
    c.currency =
        in.currency() != null ? in.currency() : settings.value(Setting.DEFAULT_CURRENCY).asText();
    int scale = decimals();
    PricedLines.Totals totals =
        PricedLines.apply(pricing.priced(in.lines()), c.lines, ContractLine::new, scale);
    c.amount =
        c.lines.isEmpty()
            ? (in.amount() == null ? BigDecimal.ZERO : in.amount())
                .setScale(scale, RoundingMode.HALF_UP)
            : totals.grandTotal();
    if (c.amount.compareTo(c.receivedAmount) < 0) {
      throw CrmException.invalidField(
          "amount",
          "below-received",
          Text.of("Less than what was already received.", "合同金额不能低于已回款金额。"));
    }
    assignOwner(c, in.ownerId(), creating);
  }

  /** 报价生成合同: a draft contract with the accepted quote's customer, lines and totals. */
  @Transactional
  public ContractView fromQuote(UUID quoteId, String name) {
    access.require(RESOURCE, Action.CREATE);
    Quote q = quotes.acceptedQuote(quoteId);
    ContractView created =
        create(
            new ContractInput(
                SalesValues.blank(name) ? q.name : name,
                q.customerId,
                q.opportunityId,
                LocalDate.now(ZONE),
                null,
                null,
                q.currency,
                null,
                q.lines.stream().map(PricedLines.LineInput::of).toList(),
                q.terms,
                q.contactId,
                null,
                null,
                null,
                null,
                q.ownerId));
    Contract c = em.find(Contract.class, created.id());
    return act(c, "quoted", x -> x.quoteId = q.id);
  }

  /** Approved at once, or into approval when the contract approval flow is active. */
  @Transactional
  public ContractView submit(UUID id) {
    Contract c = forUpdate(id);
    OrderStates.CONTRACT.act(c.status, ContractStatus.APPROVED, ContractStatus.IN_APPROVAL);
    if (approvals.submit(RESOURCE, c.id, null)) {
      return act(c, "submitted", x -> x.status = ContractStatus.IN_APPROVAL);
    }
    return approve(c);
  }

  @Transactional
  public ContractView activate(UUID id) {
    return move(id, ContractStatus.ACTIVE, "activated");
  }

  @Transactional
  public ContractView complete(UUID id) {
    return move(id, ContractStatus.COMPLETED, "completed");
  }

  @Transactional
  public ContractView terminate(UUID id) {
    ContractView after = move(id, ContractStatus.TERMINATED, "terminated");
    commissions.contractChanged(id);
    return after;
  }

  @Transactional
  public ContractView voidContract(UUID id) {
    Contract c = forUpdate(id);
    if (c.receivedAmount.signum() > 0) {
      throw CrmException.conflict(
          Text.of("Payments were received; void them first.", "已有回款，请先作废回款。"));
    }
    OrderStates.CONTRACT.act(c.status, ContractStatus.VOID);
    ContractView after = act(c, "voided", x -> x.status = ContractStatus.VOID);
    commissions.contractChanged(c.id);
    return after;
  }

  /** The submitter took it back out of approval: a draft again. */
  @Transactional
  @Override
  public void withdrawn(UUID id) {
    Contract x = em.find(Contract.class, id);
    if (x != null && x.status == ContractStatus.IN_APPROVAL) {
      act(x, "withdrawn", y -> y.status = ContractStatus.DRAFT);
    }
  }

  /** The approval engine's outcome. */
  @Transactional
  @Override
  public void decided(UUID id, boolean approved) {
    Contract c = em.find(Contract.class, id);
    if (c == null || c.status != ContractStatus.IN_APPROVAL) {
      return;
    }
    if (approved) {
      approve(c);
    } else {
      act(c, "rejected", x -> x.status = ContractStatus.REJECTED);
    }
  }

  private ContractView approve(Contract c) {
    ContractView after = act(c, "approved", x -> x.status = ContractStatus.APPROVED);
    customers.markWon(c.customerId, c.endDate);
    commissions.contractChanged(c.id);
    return after;
  }

  private ContractView move(UUID id, ContractStatus to, String action) {
    Contract c = forUpdate(id);
    OrderStates.CONTRACT.act(c.status, to);
    return act(c, action, x -> x.status = to);
  }

  /**
   * The contract's money, its row locked until the transaction ends: payments and plans check
   * against it. A contract that does not exist or that the caller cannot see is a 422 on {@code
   * field}.
   */
  public ContractFunds lockFunds(UUID id, String field) {
    return ContractFunds.of(lockedForMoney(id, field));
  }

  /** The contract's money, its row locked, for system work (approval outcomes): no visibility. */
  public ContractFunds lockFunds(UUID id) {
    return ContractFunds.of(locked(id));
  }

  /** Approved (or voided) payments change what was received, under the lock of lockFunds. */
  public void received(UUID contractId, BigDecimal delta) {
    received(em.find(Contract.class, contractId), delta);
  }

  private Contract lockedForMoney(UUID id, String field) {
    Contract c = em.find(Contract.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (c == null || c.isDeleted() || !visible(c)) {
      throw CrmException.invalidField(field, "not-found", Text.of("No such contract.", "合同不存在。"));
    }
    em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
    return c;
  }

  private Contract locked(UUID id) {
    Contract c = em.find(Contract.class, id, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
    return c;
  }

  @Override
  protected void beforeDelete(Contract c) {
    if (!EnumSet.of(ContractStatus.DRAFT, ContractStatus.REJECTED, ContractStatus.VOID)
        .contains(c.status)) {
      throw CrmException.conflict(
          Text.of(
              "Only draft, rejected or void contracts can be deleted; terminate or void it.",
              "只有草稿、被驳回或已作废的合同可以删除。"));
    }
  }

  private void received(Contract c, BigDecimal delta) {
    act(c, "received", x -> x.receivedAmount = x.receivedAmount.add(delta));
    if (delta.signum() > 0) {
      customers.paymentReceived(c.customerId);
    }
  }

  @Override
  protected ContractView reassign(
      Contract c, TransferParticipant.Transfer transfer, List<String> carry) {
    // Plans and payments are owned like their contract: they always move with it.
    List<String> all = new java.util.ArrayList<>(carry);
    if (!all.contains("payments")) {
      all.add("payments");
    }
    return super.reassign(c, transfer, all);
  }
}
