package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.admin.application.DepartmentService;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.OrgDirectory;
import dev.headlesscrm.platform.settings.DecimalPlaces;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.sales.performance.domain.SalesTarget;
import dev.headlesscrm.sales.performance.domain.SalesTargetMetric;
import dev.headlesscrm.sales.performance.domain.TargetPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sales targets (销售计划 / 业绩目标): per employee or department, per month, quarter or year, for contract
 * amount, payments received or new customers; one per subject, period and metric. An employee's
 * target is seen like the employee's records (data scope); a department's by those whose scope
 * covers the department and by its managers (部门负责人). Sales managers set targets for those they see.
 * Progress puts each visible target of a period next to its actual.
 */
@ApplicationScoped
public class SalesTargetService
    extends RecordService<SalesTarget, SalesTargetView, SalesTargetInput> {

  static final String RESOURCE = "sales-target";

  @Inject DecimalPlaces decimalPlaces;
  @Inject OrgDirectory org;
  @Inject DepartmentService departments;
  @Inject SalesActuals actuals;

  private final RecordDefinition<SalesTarget, SalesTargetView, SalesTargetInput> definition =
      RecordDefinition.of(
              SalesPlanResources.SALES_TARGETS,
              SalesTarget.class,
              SalesTargetView.class,
              SalesTargetInput.class)
          .view("target", t -> SalesTargetView.figure(t.metric, t.target, decimals()))
          .own("periodKind", "period")
          .build();

  @Override
  protected RecordDefinition<SalesTarget, SalesTargetView, SalesTargetInput> definition() {
    return definition;
  }

  int decimals() {
    return decimalPlaces.of(Setting.CONTRACT_DECIMALS);
  }

  @Override
  protected void apply(SalesTargetInput in, SalesTarget t, boolean creating) {
    if ((in.employeeId() == null) == (in.departmentId() == null)) {
      throw CrmException.invalidField(
          in.employeeId() == null ? "employeeId" : "departmentId",
          "one-subject",
          Text.of(
              "A target is an employee's or a department's: give exactly one of employeeId and"
                  + " departmentId.",
              "目标须属于一名员工或一个部门：employeeId 与 departmentId 须且只能填一个。"));
    }
    TargetPeriod period =
        TargetPeriod.parse(in.period())
            .orElseThrow(
                () ->
                    CrmException.invalidField(
                        "period",
                        "format",
                        Text.of(
                            "A month (2026-11), a quarter (2026-Q4) or a year (2026).",
                            "须为月份（2026-11）、季度（2026-Q4）或年份（2026）。")));
    if (in.periodKind() != null && in.periodKind() != period.kind()) {
      throw CrmException.invalidField(
          "periodKind",
          "mismatch",
          Text.of(
              "'" + in.period() + "' is a " + period.kind() + ".",
              "'" + in.period() + "' 的期间类型为 " + period.kind() + "。"));
    }
    if (in.metric() == SalesTargetMetric.NEW_CUSTOMERS
        && in.target().stripTrailingZeros().scale() > 0) {
      throw CrmException.invalidField(
          "target", "whole", Text.of("A number of customers is whole.", "客户数须为整数。"));
    }
    if (in.employeeId() != null) {
      OrgDirectory.Member member =
          org.activeEmployee(in.employeeId())
              .orElseThrow(
                  () ->
                      CrmException.invalidField(
                          "employeeId",
                          "not-found",
                          Text.of("No such active employee.", "该员工不存在或已停用。")));
      t.ownerId = member.id();
      t.ownerDepartmentId = member.departmentId();
    } else {
      if (departments.getAll(List.of(in.departmentId())).isEmpty()) {
        throw CrmException.invalidField(
            "departmentId", "not-found", Text.of("No such department.", "部门不存在。"));
      }
      t.ownerId = null;
      t.ownerDepartmentId = in.departmentId();
    }
    copy(in, t);
    t.periodKind = period.kind();
    t.period = period.text();
    if (!visible(t)) {
      String field = t.employeeId != null ? "employeeId" : "departmentId";
      throw CrmException.invalidField(
          field,
          "out-of-scope",
          Text.of("Targets are set for those within your data scope.", "只能为您数据权限范围内的员工或部门设定目标。"));
    }
  }

  // --- Visibility --------------------------------------------------------------------------

  @Override
  protected SqlFragment scope() {
    SqlFragment owned = dataScope.condition(resource());
    Set<UUID> managed = dataScope.managedDepartments();
    if (owned == SqlFragment.TRUE || managed.isEmpty()) {
      return owned;
    }
    List<Object> params = new ArrayList<>(owned.params());
    params.addAll(managed);
    return new SqlFragment(
        "("
            + owned.sql()
            + ") OR t.department_id IN ("
            + String.join(", ", managed.stream().map(m -> "?").toList())
            + ")",
        params);
  }

  @Override
  protected boolean visible(SalesTarget t) {
    return t.departmentId != null
        ? dataScope.coversDepartment(t.departmentId) || dataScope.sees(resource(), t)
        : dataScope.sees(resource(), t);
  }

  @Override
  protected void requireWritable(SalesTarget t, Action action) {
    if (t.departmentId != null && dataScope.coversDepartment(t.departmentId)) {
      return;
    }
    super.requireWritable(t, action);
  }

  /** Whether the caller sees this target (for its events). */
  @Transactional
  public boolean canSee(UUID id) {
    SalesTarget t = em.find(SalesTarget.class, id);
    return t != null && visible(t);
  }

  // --- Progress ----------------------------------------------------------------------------

  /**
   * The visible targets of a period (optionally of one metric, employee or department), each with
   * its actual and attainment, paged like any list.
   */
  @Transactional
  public Page<SalesTargetProgressView> progress(
      String period,
      String metric,
      UUID employeeId,
      UUID departmentId,
      Integer limit,
      String cursor) {
    access.require(resource(), Action.READ);
    TargetPeriod span =
        TargetPeriod.parse(period)
            .orElseThrow(
                () ->
                    CrmException.invalidParameter(
                        "period",
                        "format",
                        Text.of(
                            "A month (2026-11), a quarter (2026-Q4) or a year (2026).",
                            "须为月份（2026-11）、季度（2026-Q4）或年份（2026）。")));
    StringBuilder filter = new StringBuilder("period==").append(span.text());
    if (metric != null && !metric.isBlank()) {
      SalesTargetMetric m;
      try {
        m = SalesTargetMetric.valueOf(metric);
      } catch (IllegalArgumentException e) {
        throw CrmException.invalidParameter(
            "metric",
            "enum",
            Text.of(
                "One of CONTRACT_AMOUNT, PAYMENTS_RECEIVED, NEW_CUSTOMERS.",
                "须为 CONTRACT_AMOUNT、PAYMENTS_RECEIVED 或 NEW_CUSTOMERS。"));
      }
      filter.append(";metric==").append(m.name());
    }
    if (employeeId != null) {
      filter.append(";employeeId==").append(employeeId);
    }
    if (departmentId != null) {
      filter.append(";departmentId==").append(departmentId);
    }
    Page<SalesTargetView> targets =
        list(new ListQuery(filter.toString(), null, null, limit, cursor, null, null, null, null));
    int scale = decimals();
    return new Page<>(
        targets.data().stream().map(t -> progressOf(t, span, scale)).toList(), targets.page());
  }

  private SalesTargetProgressView progressOf(SalesTargetView t, TargetPeriod span, int scale) {
    BigDecimal actual =
        actuals.actual(
            t.metric(),
            t.employeeId(),
            t.departmentId() == null ? List.of() : org.departmentTree(t.departmentId()),
            span.from(),
            span.until());
    BigDecimal shownActual = SalesTargetView.figure(t.metric(), actual, scale);
    BigDecimal attainment =
        t.target().signum() == 0 ? null : actual.divide(t.target(), 4, RoundingMode.HALF_UP);
    return new SalesTargetProgressView(
        t.id(),
        t.employeeId(),
        t.departmentId(),
        t.periodKind(),
        t.period(),
        t.metric(),
        t.target(),
        shownActual,
        attainment,
        t.version());
  }
}
