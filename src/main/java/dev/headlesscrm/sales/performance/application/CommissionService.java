package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.catalogue.application.ProductCategories;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.OrgDirectory;
import dev.headlesscrm.platform.security.Owned;
import dev.headlesscrm.platform.settings.DecimalPlaces;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.sales.performance.domain.Commission;
import dev.headlesscrm.sales.performance.domain.CommissionBasis;
import dev.headlesscrm.sales.performance.domain.CommissionCalculation;
import dev.headlesscrm.sales.performance.domain.CommissionKind;
import dev.headlesscrm.sales.performance.domain.CommissionRules;
import dev.headlesscrm.sales.performance.domain.CommissionStates;
import dev.headlesscrm.sales.performance.domain.CommissionStatus;
import dev.headlesscrm.sales.performance.domain.TargetPeriod;
import dev.headlesscrm.sales.shared.application.SalesValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Commissions (佣金): computed per employee and month from the contracts they own that were approved
 * (on contract amount rules) and the payments they own that were approved (on received payment
 * rules), one record per source and rule. Recalculation rebuilds the open (CALCULATED) records of
 * an employee's month; approved and paid ones are never touched: when what a source earns differs
 * from what was approved or paid for it (a payment voided afterwards), the difference becomes an
 * ADJUSTMENT record. It runs in the transaction of the change that caused it (contract approved,
 * voided or terminated; payment approved or voided), serialised per employee and month, and on
 * request of a sales manager. Sales managers approve, then pay; nobody approves their own.
 */
@ApplicationScoped
public class CommissionService extends RecordService<Commission, CommissionView, Void> {

  static final String RESOURCE = "commission";
  static final String CONTRACT = "contract";
  static final String PAYMENT = "payment";

  /** Namespace of the advisory locks that serialise an employee's month: "COMM". */
  private static final int LOCK_SPACE = 0x434f4d4d;

  @Inject DecimalPlaces decimalPlaces;
  @Inject CommissionRuleService rules;
  @Inject SalesActuals actuals;
  @Inject ProductCategories categories;
  @Inject OrgDirectory org;
  @Inject CurrentPrincipal principal;

  private final RecordDefinition<Commission, CommissionView, Void> definition =
      RecordDefinition.readOnly(
          SalesPlanResources.COMMISSIONS,
          Commission.class,
          CommissionView.class,
          Map.of(
              "basisAmount", c -> SalesValues.money(c.basisAmount, decimals()),
              "rate", c -> c.rate.stripTrailingZeros(),
              "amount", c -> SalesValues.money(c.amount, decimals())));

  @Override
  protected RecordDefinition<Commission, CommissionView, Void> definition() {
    return definition;
  }

  int decimals() {
    return decimalPlaces.of(Setting.CONTRACT_DECIMALS);
  }

  @Override
  protected void apply(Void input, Commission entity, boolean creating) {
    throw CrmException.conflict(
        Text.of(
            "Commissions are calculated from contracts and payments, not written.",
            "佣金由合同和回款计算得出，不能直接写入。"));
  }

  // --- Actions -----------------------------------------------------------------------------

  @Transactional
  public CommissionView approve(UUID id) {
    return move(id, CommissionStatus.APPROVED);
  }

  @Transactional
  public CommissionView pay(UUID id) {
    return move(id, CommissionStatus.PAID);
  }

  private CommissionView move(UUID id, CommissionStatus to) {
    access.require(RESOURCE, Action.UPDATE);
    Commission c = live(id);
    requireWritable(c, Action.UPDATE);
    if (Objects.equals(principal.resolve().id(), c.ownerId)) {
      throw CrmException.forbidden(
          Text.of("Nobody approves or pays their own commission.", "不能审批或发放自己的佣金。"));
    }
    lock(c.ownerId, c.period);
    em.refresh(c);
    checkIfMatch(c);
    CommissionStates.COMMISSION.act(c.status, to);
    return act(
        c,
        to == CommissionStatus.APPROVED ? "approved" : "paid",
        x -> {
          x.status = to;
          if (to == CommissionStatus.APPROVED) {
            x.approvedAt = now();
            x.approvedBy = principal.resolve().id();
          } else {
            x.paidAt = now();
            x.paidBy = principal.resolve().id();
          }
        });
  }

  // --- Recalculation ---------------------------------------------------------------------------

  /**
   * POST /commissions/recalculate: one employee's month, or (without employee) the month of every
   * employee within the caller's data scope who sold, collected or has commissions in it.
   */
  @Transactional
  public CommissionRecalculation recalculate(UUID employeeId, String period) {
    access.require(RESOURCE, Action.UPDATE);
    YearMonth month = month(period);
    TargetPeriod span = TargetPeriod.month(month);
    List<UUID> employees = new ArrayList<>();
    if (employeeId != null) {
      OrgDirectory.Member member =
          org.activeEmployee(employeeId)
              .filter(this::inScope)
              .orElseThrow(
                  () ->
                      CrmException.invalidField(
                          "employeeId",
                          "not-found",
                          Text.of(
                              "No such active employee within your data scope.",
                              "该员工不存在、已停用或不在您的数据权限范围内。")));
      employees.add(member.id());
    } else {
      for (UUID e : actuals.earners(span.from(), span.until(), month.toString())) {
        org.activeEmployee(e).filter(this::inScope).ifPresent(m -> employees.add(m.id()));
      }
      employees.sort(Comparator.naturalOrder());
    }
    Counts counts = new Counts();
    for (UUID e : employees) {
      rebuild(e, month, counts);
    }
    return new CommissionRecalculation(
        month.toString(), employees, counts.created, counts.changed, counts.removed);
  }

  /**
   * A payment the employee owns was approved or voided: their open commissions of the month it was
   * paid in are rebuilt, in the caller's transaction, whatever the caller may see or do with
   * commissions.
   */
  @Transactional
  public void recalculateAt(UUID employeeId, LocalDate day) {
    if (employeeId != null) {
      rebuild(employeeId, YearMonth.from(day), new Counts());
    }
  }

  /**
   * A contract was approved, voided or terminated: its owner's open commissions of the month it
   * counts in (signing date, else approval day, else today) are rebuilt, in the caller's
   * transaction.
   */
  @Transactional
  public void contractChanged(UUID contractId) {
    actuals
        .contractDay(contractId)
        .ifPresent(
            d ->
                recalculateAt(
                    d.ownerId(), d.day() != null ? d.day() : LocalDate.now(SalesActuals.ZONE)));
  }

  private boolean inScope(OrgDirectory.Member m) {
    return dataScope.inScope(
        new Owned() {
          @Override
          public UUID recordId() {
            return m.id();
          }

          @Override
          public UUID ownerId() {
            return m.id();
          }

          @Override
          public UUID ownerDepartmentId() {
            return m.departmentId();
          }
        });
  }

  private static YearMonth month(String period) {
    try {
      if (period != null && period.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(period);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw CrmException.invalidField(
        "period", "format", Text.of("A month, yyyy-MM (e.g. 2026-11).", "须为月份，格式 yyyy-MM。"));
  }

  private void lock(UUID employee, String period) {
    em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, ?2)) AS locked")
        .setParameter(1, LOCK_SPACE)
        .setParameter(2, Objects.hash(employee, period))
        .getSingleResult();
  }

  /** What recalculation did. */
  private static final class Counts {
    int created;
    int changed;
    int removed;
  }

  /** One source under one rule. */
  private record Key(String sourceResource, UUID sourceId, UUID ruleId) {}

  /**
   * A part of a source's amount in one product category: the category and those above it, nearest
   * first (empty: no category).
   */
  private record Portion(
      CommissionBasis basis,
      String sourceResource,
      UUID sourceId,
      String sourceNumber,
      UUID contractId,
      String currency,
      List<UUID> categories,
      BigDecimal amount) {}

  /** What a source earns under a rule. */
  private record Line(Portion source, CommissionRules.Rule rule, BigDecimal basisAmount) {}

  /** Rebuilds the open commissions of one employee's month (under that month's lock). */
  private void rebuild(UUID employee, YearMonth month, Counts counts) {
    String period = month.toString();
    lock(employee, period);
    int scale = decimals();
    Map<Key, Line> wanted = wanted(employee, TargetPeriod.month(month), rules.activeRules());
    Map<UUID, BigDecimal> totals = new HashMap<>();
    wanted.values().forEach(l -> totals.merge(l.rule().id(), l.basisAmount(), BigDecimal::add));

    Map<Key, List<Commission>> existing = new LinkedHashMap<>();
    em.createQuery(
            "from Commission c where c.ownerId = :e and c.period = :p and c.deletedAt is null"
                + " order by c.id",
            Commission.class)
        .setParameter("e", employee)
        .setParameter("p", period)
        .getResultList()
        .forEach(
            c ->
                existing
                    .computeIfAbsent(
                        new Key(c.sourceResource, c.sourceId, c.ruleId), k -> new ArrayList<>())
                    .add(c));
    Set<Key> keys = new LinkedHashSet<>(wanted.keySet());
    keys.addAll(existing.keySet());
    UUID department =
        org.activeEmployee(employee).map(OrgDirectory.Member::departmentId).orElse(null);

    for (Key key : keys) {
      Line want = wanted.get(key);
      List<Commission> records = existing.getOrDefault(key, List.of());
      List<Commission> open = new ArrayList<>();
      BigDecimal settledAmount = BigDecimal.ZERO;
      BigDecimal settledBasis = BigDecimal.ZERO;
      Commission settled = null;
      for (Commission c : records) {
        if (c.status == CommissionStatus.CALCULATED) {
          open.add(c);
        } else {
          settled = c;
          settledAmount = settledAmount.add(c.amount);
          settledBasis = settledBasis.add(c.basisAmount);
        }
      }
      Commission keep = open.isEmpty() ? null : open.get(0);
      open.stream().skip(1).forEach(c -> withdraw(c, counts));
      Optional<CommissionCalculation.Due> due =
          CommissionCalculation.due(
              want == null ? null : want.basisAmount(),
              want == null ? null : want.rule().rateFor(totals.get(key.ruleId())),
              settled == null
                  ? null
                  : new CommissionCalculation.Settled(settledBasis, settledAmount, settled.rate),
              scale);
      if (due.isEmpty()) {
        withdraw(keep, counts);
        continue;
      }
      Line about = want != null ? want : settledLine(settled);
      write(
          keep,
          employee,
          department,
          period,
          about,
          due.get().kind(),
          due.get().basisAmount(),
          due.get().rate(),
          due.get().amount(),
          counts);
    }
  }

  /** What each source of the month earns under which rule. */
  private Map<Key, Line> wanted(
      UUID employee, TargetPeriod span, List<CommissionRules.Rule> active) {
    Map<Key, Line> out = new LinkedHashMap<>();
    boolean onContracts =
        active.stream().anyMatch(r -> r.basis() == CommissionBasis.CONTRACT_AMOUNT);
    boolean onPayments =
        active.stream().anyMatch(r -> r.basis() == CommissionBasis.RECEIVED_PAYMENTS);
    List<SalesActuals.ContractRow> contracts =
        onContracts ? actuals.contracts(employee, span.from(), span.until()) : List.of();
    List<SalesActuals.PaymentRow> payments =
        onPayments ? actuals.payments(employee, span.from(), span.until()) : List.of();
    Set<UUID> contractIds = new HashSet<>();
    contracts.forEach(c -> contractIds.add(c.id()));
    payments.forEach(p -> contractIds.add(p.contractId()));
    Map<UUID, List<SalesActuals.LineRow>> lines = actuals.lines(contractIds);
    Set<UUID> products = new HashSet<>();
    lines
        .values()
        .forEach(
            ls ->
                ls.forEach(
                    l -> {
                      if (l.productId() != null) {
                        products.add(l.productId());
                      }
                    }));
    Map<UUID, List<UUID>> categoryOf = categories.of(products);

    List<Portion> portions = new ArrayList<>();
    for (SalesActuals.ContractRow c : contracts) {
      CommissionCalculation.split(c.amount(), sold(lines.get(c.id())), categoryOf)
          .forEach(
              (category, part) ->
                  portions.add(
                      new Portion(
                          CommissionBasis.CONTRACT_AMOUNT,
                          CONTRACT,
                          c.id(),
                          c.number(),
                          c.id(),
                          c.currency(),
                          category,
                          part)));
    }
    for (SalesActuals.PaymentRow p : payments) {
      CommissionCalculation.split(p.amount(), sold(lines.get(p.contractId())), categoryOf)
          .forEach(
              (category, part) ->
                  portions.add(
                      new Portion(
                          CommissionBasis.RECEIVED_PAYMENTS,
                          PAYMENT,
                          p.id(),
                          p.number(),
                          p.contractId(),
                          p.currency(),
                          category,
                          part)));
    }
    for (Portion portion : portions) {
      Optional<CommissionRules.Rule> rule =
          CommissionRules.select(active, portion.basis(), employee, portion.categories());
      if (rule.isEmpty()) {
        continue;
      }
      Key key = new Key(portion.sourceResource(), portion.sourceId(), rule.get().id());
      out.merge(
          key,
          new Line(portion, rule.get(), portion.amount()),
          (a, b) -> new Line(a.source(), a.rule(), a.basisAmount().add(b.basisAmount())));
    }
    return out;
  }

  private static List<CommissionCalculation.SoldLine> sold(List<SalesActuals.LineRow> lines) {
    return lines == null
        ? List.of()
        : lines.stream()
            .map(l -> new CommissionCalculation.SoldLine(l.productId(), l.total()))
            .toList();
  }

  private static Line settledLine(Commission c) {
    return new Line(
        new Portion(
            c.basis,
            c.sourceResource,
            c.sourceId,
            c.sourceNumber,
            c.contractId,
            c.currency,
            List.of(),
            BigDecimal.ZERO),
        new CommissionRules.Rule(
            c.ruleId, c.basis, null, c.productCategoryId, c.rate, List.of(), 0, false),
        BigDecimal.ZERO);
  }

  private void write(
      Commission keep,
      UUID employee,
      UUID department,
      String period,
      Line line,
      CommissionKind kind,
      BigDecimal basisAmount,
      BigDecimal rate,
      BigDecimal amount,
      Counts counts) {
    boolean creating = keep == null;
    Commission c = creating ? new Commission() : keep;
    CommissionView before = creating ? null : view(c);
    if (creating) {
      c.ownerId = employee;
      c.ownerDepartmentId = department;
      c.period = period;
      c.status = CommissionStatus.CALCULATED;
    }
    Portion source = line.source();
    c.basis = source.basis();
    c.kind = kind;
    c.sourceResource = source.sourceResource();
    c.sourceId = source.sourceId();
    c.sourceNumber = source.sourceNumber();
    c.contractId = source.contractId();
    c.ruleId = line.rule().id();
    c.productCategoryId = line.rule().productCategoryId();
    c.currency = source.currency();
    c.basisAmount = basisAmount;
    c.rate = rate;
    c.amount = amount;
    if (creating) {
      em.persist(c);
    }
    em.flush();
    CommissionView after = view(c);
    var changes = changeLog.diff(before, after);
    if (creating) {
      record(c, "created", changes, after);
      counts.created++;
    } else if (!changes.isEmpty()) {
      record(c, "recalculated", changes, after);
      counts.changed++;
    }
  }

  /** An open commission whose source no longer earns it goes (soft-deleted, with its history). */
  private void withdraw(Commission c, Counts counts) {
    if (c == null) {
      return;
    }
    CommissionView before = view(c);
    c.markDeleted();
    em.flush();
    CommissionView after = view(c);
    record(c, "deleted", changeLog.diff(before, after), after);
    counts.removed++;
  }
}
