package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Task;
import dev.headlesscrm.customer.domain.TaskPriority;
import dev.headlesscrm.customer.domain.TaskStates;
import dev.headlesscrm.customer.domain.TaskStatus;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.platform.security.PrincipalKind;
import dev.headlesscrm.platform.security.ResolvedPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tasks (待办): assigned to an employee (the owner), optionally about any record, whose customer the
 * task then carries. The status moves only through the actions complete, cancel and reopen.
 */
@ApplicationScoped
public class TaskService extends OwnedRecordService<Task, TaskView, TaskInput> {

  static final String RESOURCE = "task";

  /** Which of the caller's open tasks {@link #mine} lists. */
  @org.eclipse.microprofile.graphql.Enum("TaskDue")
  public enum Due {
    /** Every open task, earliest due first (tasks without a due time last). */
    ALL,
    /** Due today (China Standard Time), overdue ones not included. */
    TODAY,
    /** Due before now. */
    OVERDUE,
    /** Due from now on. */
    UPCOMING
  }

  @Inject References references;

  static final RecordDefinition<Task, TaskView, TaskInput> DEFINITION =
      RecordDefinition.of(CustomerResources.TASKS, Task.class, TaskView.class, TaskInput.class)
          .own("priority", "relatedResource", "relatedId", "recurrence", "recurrenceInterval")
          .build();

  @Override
  protected RecordDefinition<Task, TaskView, TaskInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(TaskInput in, Task t, boolean creating) {
    String related = in.relatedResource() == null ? null : in.relatedResource().trim();
    if ((related == null) != (in.relatedId() == null)) {
      throw CrmException.invalidField(
          related == null ? "relatedResource" : "relatedId",
          "required",
          Text.of(
              "Give relatedResource and relatedId together, or neither.",
              "relatedResource 与 relatedId 须同时提供或同时省略。"));
    }
    UUID customerId = null;
    if (related != null) {
      if (!references.declares(related)) {
        throw CrmException.invalidField(
            "relatedResource",
            "unknown",
            Text.of("No such resource: " + related + ".", "没有这种记录类型：" + related + "。"));
      }
      Optional<Versioned> record = references.readable(related, in.relatedId());
      if (record.isEmpty()) {
        throw CrmException.invalidField(
            "relatedId", "not-found", Text.of("No such record.", "所指记录不存在。"));
      }
      customerId =
          CustomerService.RESOURCE.equals(related)
              ? in.relatedId()
              : References.field(record.get(), "customerId") instanceof UUID id ? id : null;
    }
    if (in.remindAt() != null && in.dueAt() != null && in.remindAt().isAfter(in.dueAt())) {
      throw CrmException.invalidField(
          "remindAt",
          "after-due",
          Text.of("The reminder cannot be after the due time.", "提醒时间不能晚于截止时间。"));
    }
    dev.headlesscrm.customer.domain.TaskRecurrence recurrence =
        in.recurrence() == null
            ? dev.headlesscrm.customer.domain.TaskRecurrence.NONE
            : in.recurrence();
    if (recurrence != dev.headlesscrm.customer.domain.TaskRecurrence.NONE && in.dueAt() == null) {
      throw CrmException.invalidField(
          "dueAt", "required", Text.of("A recurring task needs a due time.", "重复待办须有截止时间。"));
    }
    copy(in, t);
    t.recurrence = recurrence;
    t.recurrenceInterval = in.recurrenceInterval() == null ? 1 : in.recurrenceInterval();
    t.subject = in.subject().trim();
    t.priority = in.priority() == null ? TaskPriority.NORMAL : in.priority();
    t.relatedResource = related;
    t.relatedId = in.relatedId();
    t.customerId = customerId;
    if (creating) {
      t.status = TaskStatus.OPEN;
    }
    UUID assignee = t.ownerId;
    assignOwner(t, in.ownerId(), creating);
    t.newlyAssigned = creating || !java.util.Objects.equals(assignee, t.ownerId);
  }

  /** A task given to someone else (on create, or by a change of its assignee) tells them. */
  @Override
  protected void afterSave(Task t, boolean created) {
    if (t.newlyAssigned) {
      t.newlyAssigned = false;
      java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
      data.put("dueAt", t.dueAt == null ? null : t.dueAt.toString());
      data.put("priority", t.priority.name());
      notifyOf(t.ownerId, "task-assigned", t, "assigned", data);
    }
  }

  @Transactional
  public TaskView complete(UUID id) {
    return move(id, TaskStatus.DONE, "completed");
  }

  @Transactional
  public TaskView cancel(UUID id) {
    return move(id, TaskStatus.CANCELLED, "cancelled");
  }

  @Transactional
  public TaskView reopen(UUID id) {
    return move(id, TaskStatus.OPEN, "reopened");
  }

  private TaskView move(UUID id, TaskStatus to, String action) {
    Task t = forUpdate(id);
    TaskStatus from = t.status;
    TaskStates.TASK.act(t.status, to);
    UUID by = principal.resolve().id();
    TaskView after =
        act(
            t,
            action,
            x -> {
              x.status = to;
              x.completedAt = to == TaskStatus.DONE ? now() : null;
              x.completedBy = to == TaskStatus.DONE ? by : null;
              if (x.recurrence != dev.headlesscrm.customer.domain.TaskRecurrence.NONE
                  && x.seriesId == null) {
                x.seriesId = x.id; // the first occurrence names the series
              }
            });
    if (from == TaskStatus.OPEN) {
      nextOccurrence(t);
    }
    return after;
  }

  /**
   * A recurring occurrence done or skipped makes the next one (same subject, assignee, record and
   * reminder lead), due one interval later, unless that is past the series' end. The row lock of
   * the action makes exactly one.
   */
  private void nextOccurrence(Task t) {
    if (t.recurrence == dev.headlesscrm.customer.domain.TaskRecurrence.NONE || t.dueAt == null) {
      return;
    }
    java.time.ZonedDateTime due = t.dueAt.atZone(ContactView.ZONE);
    java.time.ZonedDateTime nextDue = t.recurrence.next(due, t.recurrenceInterval);
    if (t.recurrenceUntil != null && nextDue.toLocalDate().isAfter(t.recurrenceUntil)) {
      return;
    }
    // Reopened and done again: the next occurrence exists already.
    long made =
        em.createQuery(
                "select count(x) from Task x where x.seriesId = :series and x.dueAt = :due"
                    + " and x.deletedAt is null",
                Long.class)
            .setParameter("series", t.seriesId)
            .setParameter("due", nextDue.toInstant())
            .getSingleResult();
    if (made > 0) {
      return;
    }
    Task next = new Task();
    next.subject = t.subject;
    next.description = t.description;
    next.dueAt = nextDue.toInstant();
    next.remindAt =
        t.remindAt == null
            ? null
            : next.dueAt.minus(java.time.Duration.between(t.remindAt, t.dueAt));
    next.priority = t.priority;
    next.status = TaskStatus.OPEN;
    next.relatedResource = t.relatedResource;
    next.relatedId = t.relatedId;
    next.customerId = t.customerId;
    next.ownerId = t.ownerId;
    next.ownerDepartmentId = t.ownerDepartmentId;
    next.recurrence = t.recurrence;
    next.recurrenceInterval = t.recurrenceInterval;
    next.recurrenceUntil = t.recurrenceUntil;
    next.seriesId = t.seriesId;
    em.persist(next);
    em.flush();
    TaskView view = view(next);
    record(next, "created", changeLog.diff(null, view), view);
  }

  /**
   * A task the service plans itself (a care schedule's): for an active employee, recorded as
   * created with its event, and told to them. Null when the employee no longer works here.
   */
  @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
  public UUID plan(
      UUID owner,
      String subject,
      String relatedResource,
      UUID relatedId,
      UUID customerId,
      Instant dueAt,
      java.util.Map<String, Object> why) {
    java.util.Optional<dev.headlesscrm.platform.security.OrgDirectory.Member> member =
        org.activeEmployee(owner);
    if (member.isEmpty()) {
      return null;
    }
    Task t = new Task();
    t.subject = subject.length() > 200 ? subject.substring(0, 200) : subject;
    t.priority = TaskPriority.NORMAL;
    t.status = TaskStatus.OPEN;
    t.relatedResource = relatedResource;
    t.relatedId = relatedId;
    t.customerId = customerId;
    t.dueAt = dueAt;
    t.ownerId = owner;
    t.ownerDepartmentId = member.get().departmentId();
    em.persist(t);
    em.flush();
    TaskView view = view(t);
    record(t, "created", changeLog.diff(null, view), view);
    notifications.send(
        owner,
        "task-assigned",
        RESOURCE,
        t.id,
        dev.headlesscrm.platform.api.Text.of(
            "A care task for you: " + t.subject + ".", "新的关怀待办：" + t.subject + "。"),
        why);
    return t.id;
  }

  /** A customer's open tasks move to its new owner (claimed or assigned out of the pool). */
  void followOpen(
      UUID customerId, dev.headlesscrm.platform.records.TransferParticipant.Transfer to) {
    em.createQuery(
            "from Task t where t.customerId = :id and t.status = :open and t.deletedAt is null"
                + " order by t.id",
            Task.class)
        .setParameter("id", customerId)
        .setParameter("open", TaskStatus.OPEN)
        .getResultList()
        .forEach(t -> reassign(t, to, List.of()));
  }

  /**
   * The caller's open tasks (assigned to them), earliest due first: all, due today, overdue or
   * upcoming. A service account has none.
   */
  public Page<TaskView> mine(Due due, Integer limit, String cursor) {
    ResolvedPrincipal me = principal.resolve();
    if (me.kind() != PrincipalKind.EMPLOYEE) {
      return list(query("ownerId=isnull=true;ownerId=isnull=false", limit, cursor));
    }
    StringBuilder filter = new StringBuilder("status==OPEN;ownerId==").append(me.id());
    Instant now = now();
    ZonedDateTime today = LocalDate.now(ContactView.ZONE).atStartOfDay(ContactView.ZONE);
    switch (due == null ? Due.ALL : due) {
      case TODAY ->
          filter
              .append(";dueAt=ge=")
              .append(today.toInstant())
              .append(";dueAt=lt=")
              .append(today.plusDays(1).toInstant());
      case OVERDUE -> filter.append(";dueAt=lt=").append(now);
      case UPCOMING -> filter.append(";dueAt=ge=").append(now);
      case ALL -> {
        // every open task
      }
    }
    return list(query(filter.toString(), limit, cursor));
  }

  private static ListQuery query(String filter, Integer limit, String cursor) {
    return new ListQuery(filter, null, List.of("dueAt"), limit, cursor, null, null, null, null);
  }
}
