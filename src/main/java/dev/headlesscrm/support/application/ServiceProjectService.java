package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.support.domain.ProjectKind;
import dev.headlesscrm.support.domain.ProjectStates;
import dev.headlesscrm.support.domain.ProjectStatus;
import dev.headlesscrm.support.domain.ServiceProject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Service projects (项目服务): a customer's implementation or service project, managed by its owner,
 * moved PLANNED → IN_PROGRESS ⇄ ON_HOLD → COMPLETED (or CANCELLED) by its actions. Its milestones
 * and time entries are records of their own; every change of them recounts the project's totals
 * under the project's row lock and through its version, so concurrent changes are all counted.
 */
@ApplicationScoped
public class ServiceProjectService
    extends OwnedRecordService<ServiceProject, ServiceProjectView, ServiceProjectInput> {

  static final String RESOURCE = "service-project";

  @Inject References references;
  @Inject NumberingService numbering;

  static final RecordDefinition<ServiceProject, ServiceProjectView, ServiceProjectInput>
      DEFINITION =
          RecordDefinition.of(
                  SupportResources.PROJECTS,
                  ServiceProject.class,
                  ServiceProjectView.class,
                  ServiceProjectInput.class)
              .own("name", "kind", "customerId", "contractId", "orderId", "ownerId")
              .build();

  @Override
  protected RecordDefinition<ServiceProject, ServiceProjectView, ServiceProjectInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(ServiceProjectInput in, ServiceProject p, boolean creating) {
    if (!creating && !Objects.equals(p.customerId, in.customerId())) {
      throw CrmException.invalidField(
          "customerId", "immutable", Text.of("A project stays with its customer.", "项目的客户不可更改。"));
    }
    if (creating && references.readable("customer", in.customerId()).isEmpty()) {
      throw CrmException.invalidField(
          "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
    }
    if (creating || !Objects.equals(p.contractId, in.contractId())) {
      requireOfCustomer("contract", "contractId", in.contractId(), in.customerId());
    }
    if (creating || !Objects.equals(p.orderId, in.orderId())) {
      requireOfCustomer("sales-order", "orderId", in.orderId(), in.customerId());
    }
    if (in.plannedStart() != null
        && in.plannedEnd() != null
        && in.plannedEnd().isBefore(in.plannedStart())) {
      throw CrmException.invalidField(
          "plannedEnd",
          "before-start",
          Text.of("The planned end cannot be before the planned start.", "计划完成日期不能早于计划开始日期。"));
    }
    copy(in, p);
    p.name = in.name().trim();
    p.kind = in.kind() == null ? ProjectKind.IMPLEMENTATION : in.kind();
    p.customerId = in.customerId();
    p.contractId = in.contractId();
    p.orderId = in.orderId();
    p.budgetHours =
        in.budgetHours() == null ? null : in.budgetHours().setScale(2, RoundingMode.HALF_UP);
    if (creating) {
      p.number = numbering.next(RESOURCE);
      p.status = ProjectStatus.PLANNED;
    }
    assignOwner(p, in.ownerId(), creating);
    p.derive();
  }

  /** A contract or order the project delivers: readable and the same customer's (422 else). */
  private void requireOfCustomer(String resource, String field, UUID id, UUID customerId) {
    if (id == null) {
      return;
    }
    Object customer =
        references.readable(resource, id).map(v -> References.field(v, "customerId")).orElse(null);
    if (customerId == null || !customerId.equals(customer)) {
      throw CrmException.invalidField(
          field, "not-found", Text.of("No such record of the project's customer.", "该客户没有此记录。"));
    }
  }

  // --- Status actions ----------------------------------------------------------------------

  /** PLANNED → IN_PROGRESS. */
  @Transactional
  public ServiceProjectView start(UUID id) {
    return move(id, ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS, "started");
  }

  /** IN_PROGRESS → ON_HOLD. */
  @Transactional
  public ServiceProjectView hold(UUID id) {
    return move(id, null, ProjectStatus.ON_HOLD, "held");
  }

  /** ON_HOLD → IN_PROGRESS. */
  @Transactional
  public ServiceProjectView resume(UUID id) {
    return move(id, ProjectStatus.ON_HOLD, ProjectStatus.IN_PROGRESS, "resumed");
  }

  /** IN_PROGRESS → COMPLETED, once every live milestone is reached (409 otherwise). */
  @Transactional
  public ServiceProjectView complete(UUID id) {
    return move(id, null, ProjectStatus.COMPLETED, "completed");
  }

  /** PLANNED, IN_PROGRESS or ON_HOLD → CANCELLED. */
  @Transactional
  public ServiceProjectView cancel(UUID id) {
    return move(id, null, ProjectStatus.CANCELLED, "cancelled");
  }

  /**
   * The transition, when the machine allows it and the project is in {@code from} (start is for a
   * planned project, resume for one on hold: both go to IN_PROGRESS).
   */
  private ServiceProjectView move(UUID id, ProjectStatus from, ProjectStatus to, String action) {
    ServiceProject p = forUpdate(id);
    ProjectStates.PROJECT.act(p.status, to);
    if (from != null && p.status != from) {
      throw CrmException.conflict(
          Text.of(
              "Only a " + from + " project can be " + action + "; this one is " + p.status + ".",
              "只有 " + from + " 状态的项目可以执行该操作；当前为 " + p.status + "。"));
    }
    return moved(p, to, action);
  }

  private ServiceProjectView moved(ServiceProject p, ProjectStatus to, String action) {
    if (to == ProjectStatus.COMPLETED) {
      // Counted before the project changes: a query after it would flush it early.
      long pending = pendingMilestones(p.id);
      if (pending > 0) {
        throw new CrmException(
            ProblemType.CONFLICT,
            Text.of(
                "The project has "
                    + pending
                    + " milestone(s) not reached yet; reach or delete them before completing it.",
                "项目还有 " + pending + " 个里程碑未达成，请先达成或删除后再完成项目。"),
            List.of(),
            Map.of("pendingMilestones", pending));
      }
    }
    return act(
        p,
        action,
        x -> {
          x.status = to;
          switch (to) {
            case IN_PROGRESS -> {
              if (x.startedAt == null) {
                x.startedAt = now();
              }
            }
            case COMPLETED -> x.completedAt = now();
            case CANCELLED -> x.cancelledAt = now();
            default -> {
              // on hold: nothing more
            }
          }
          x.derive();
        });
  }

  private long pendingMilestones(UUID id) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM project_milestones WHERE project_id = ?1"
                        + " AND deleted_at IS NULL AND status = 'PENDING'")
                .setParameter(1, id)
                .getSingleResult())
        .longValue();
  }

  // --- What its milestones and time entries need ----------------------------------------------

  /**
   * Locks the project's row ({@code SELECT … FOR UPDATE}) and reads it afresh, before a change of
   * its milestones or hours: concurrent changes of one project queue here, so each recount sees the
   * ones committed before it. Always the project first, then the child: no deadlock.
   */
  ServiceProject lock(UUID id) {
    if (id == null) {
      return null;
    }
    ServiceProject p = em.find(ServiceProject.class, id);
    if (p != null && !p.isDeleted()) {
      em.refresh(p, LockModeType.PESSIMISTIC_WRITE);
    }
    return p;
  }

  /**
   * The live project, visible to the caller, that a new milestone or time entry is added to,
   * locked; 422 when there is none, 409 when it is completed or cancelled.
   */
  ServiceProject lockForNewChild(UUID id) {
    ServiceProject p = lock(id);
    if (p == null || p.isDeleted() || !visible(p)) {
      throw CrmException.invalidField(
          "projectId", "not-found", Text.of("No such service project.", "项目不存在。"));
    }
    requireOpen(p);
    return p;
  }

  /** 409 unless the project is still open (neither completed nor cancelled). */
  void requireOpen(ServiceProject p) {
    if (!ProjectStates.open(p.status)) {
      throw CrmException.conflict(
          Text.of(
              "The project is " + p.status + "; its milestones and hours are final.",
              "项目已" + (p.status == ProjectStatus.COMPLETED ? "完成" : "取消") + "，里程碑与工时不可再变更。"));
    }
  }

  /** Whether the caller sees the project (its milestones and time entries follow it). */
  boolean sees(UUID id) {
    ServiceProject p = id == null ? null : em.find(ServiceProject.class, id);
    return p != null && visible(p);
  }

  /** The rows of a child table (alias t, column project_id) whose project the caller sees. */
  SqlFragment childScope() {
    SqlFragment projects = dataScope.condition(RESOURCE, "p");
    if (projects == SqlFragment.TRUE) {
      return SqlFragment.TRUE;
    }
    return new SqlFragment(
        "t.project_id IN (SELECT p.id FROM service_projects p WHERE " + projects.sql() + ")",
        projects.params());
  }

  /** Counts the project's live milestones again (see {@link #recount}). */
  void recountMilestones(UUID id) {
    recount(id, true);
  }

  /** Sums the project's live time entries again (see {@link #recount}). */
  void recountHours(UUID id) {
    recount(id, false);
  }

  /**
   * Counts the project's live milestones, or sums its hours, again (it was locked by {@link #lock}
   * before the change): when a total moved, one version, history entry and event of the project —
   * {@code over-budget} when the hours now exceed the budget for the first time since they did not.
   * Only the part that changed is counted, so a project restored with its milestones and hours
   * (restored one resource after the other) never shows a half-restored total.
   */
  private void recount(UUID id, boolean milestonesChanged) {
    ServiceProject p = id == null ? null : em.find(ServiceProject.class, id);
    if (p == null || p.isDeleted()) {
      return; // a deleted project keeps its totals; its children come back with it
    }
    int milestones = p.milestoneCount;
    int reached = p.reachedMilestoneCount;
    BigDecimal logged = p.loggedHours;
    BigDecimal billable = p.billableHours;
    if (milestonesChanged) {
      Object[] m =
          (Object[])
              em.createNativeQuery(
                      "SELECT count(*), count(*) FILTER (WHERE status = 'REACHED')"
                          + " FROM project_milestones WHERE project_id = ?1 AND deleted_at IS NULL")
                  .setParameter(1, id)
                  .getSingleResult();
      milestones = ((Number) m[0]).intValue();
      reached = ((Number) m[1]).intValue();
    } else {
      Object[] h =
          (Object[])
              em.createNativeQuery(
                      "SELECT COALESCE(sum(hours), 0),"
                          + " COALESCE(sum(hours) FILTER (WHERE billable), 0)"
                          + " FROM time_entries WHERE project_id = ?1 AND deleted_at IS NULL")
                  .setParameter(1, id)
                  .getSingleResult();
      logged = hours(h[0]);
      billable = hours(h[1]);
    }
    if (milestones == p.milestoneCount
        && reached == p.reachedMilestoneCount
        && logged.compareTo(p.loggedHours) == 0
        && billable.compareTo(p.billableHours) == 0) {
      return;
    }
    boolean crossing = !p.overBudget && ServiceProject.overBudget(p.budgetHours, logged);
    String action =
        crossing ? "over-budget" : milestonesChanged ? "milestones-counted" : "hours-logged";
    int m = milestones;
    int r = reached;
    BigDecimal l = logged;
    BigDecimal b = billable;
    act(p, action, x -> x.totals(m, r, l, b));
    if (crossing) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("budgetHours", p.budgetHours);
      data.put("loggedHours", p.loggedHours);
      notifications.send(
          p.ownerId,
          "project-over-budget",
          RESOURCE,
          p.id,
          Text.of(
              "Project " + p.number + " is over its budgeted hours.",
              "项目 " + p.number + " 的工时已超出预算。"),
          data);
    }
  }

  private static BigDecimal hours(Object sum) {
    return new BigDecimal(String.valueOf(sum)).setScale(2, RoundingMode.HALF_UP);
  }
}
