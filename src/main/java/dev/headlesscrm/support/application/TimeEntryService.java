package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.OrgDirectory;
import dev.headlesscrm.platform.security.PrincipalKind;
import dev.headlesscrm.platform.security.ResolvedPrincipal;
import dev.headlesscrm.support.domain.TimeEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.UUID;

/**
 * Time entries (工时): hours an employee worked on a service project on a day, optionally on one of
 * its milestones or tasks. Logging, changing, deleting or restoring one takes the project's row
 * lock first and recounts its hours through its version, so concurrent logs are all counted.
 * Visible to those who see the project.
 */
@ApplicationScoped
public class TimeEntryService extends RecordService<TimeEntry, TimeEntryView, TimeEntryInput> {

  static final String RESOURCE = "time-entry";

  @Inject ServiceProjectService projects;
  @Inject ProjectMilestoneService milestones;
  @Inject References references;
  @Inject CurrentPrincipal principal;
  @Inject OrgDirectory org;

  static final RecordDefinition<TimeEntry, TimeEntryView, TimeEntryInput> DEFINITION =
      RecordDefinition.of(
              SupportResources.TIME_ENTRIES,
              TimeEntry.class,
              TimeEntryView.class,
              TimeEntryInput.class)
          .own("projectId", "employeeId", "billable", "hours", "milestoneId", "taskId")
          .build();

  @Override
  protected RecordDefinition<TimeEntry, TimeEntryView, TimeEntryInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(TimeEntryInput in, TimeEntry e, boolean creating) {
    if (creating) {
      projects.lockForNewChild(in.projectId());
    } else if (!Objects.equals(e.projectId, in.projectId())) {
      throw CrmException.invalidField(
          "projectId", "immutable", Text.of("A time entry stays with its project.", "工时所属项目不可更改。"));
    } else {
      projects.lock(e.projectId);
    }
    if (in.milestoneId() != null && (creating || !in.milestoneId().equals(e.milestoneId))) {
      milestones.requireOfProject(in.milestoneId(), in.projectId());
    }
    if (in.taskId() != null && (creating || !in.taskId().equals(e.taskId))) {
      requireTaskOf(in.taskId(), in.projectId());
    }
    UUID employee = in.employeeId();
    if (employee == null) {
      ResolvedPrincipal me = principal.resolve();
      if (me.kind() != PrincipalKind.EMPLOYEE) {
        throw CrmException.invalidField(
            "employeeId", "required", Text.of("Name the employee who worked.", "请指定工作的员工。"));
      }
      employee = me.id();
    } else if (!employee.equals(e.employeeId) && org.activeEmployee(employee).isEmpty()) {
      throw CrmException.invalidField(
          "employeeId", "not-found", Text.of("No such active employee.", "该员工不存在或已停用。"));
    }
    copy(in, e);
    e.projectId = in.projectId();
    e.milestoneId = in.milestoneId();
    e.taskId = in.taskId();
    e.employeeId = employee;
    e.hours = in.hours().setScale(2, RoundingMode.HALF_UP);
    e.billable = in.billable() == null || in.billable();
  }

  /** The task must be one of the project's (a task whose related record is the project). */
  private void requireTaskOf(UUID taskId, UUID projectId) {
    boolean ofProject =
        references
            .readable("task", taskId)
            .map(
                t ->
                    ServiceProjectService.RESOURCE.equals(References.field(t, "relatedResource"))
                        && projectId.equals(References.field(t, "relatedId")))
            .orElse(false);
    if (!ofProject) {
      throw CrmException.invalidField(
          "taskId", "not-found", Text.of("No such task of the project.", "该项目没有此任务。"));
    }
  }

  @Override
  protected void afterSave(TimeEntry e, boolean created) {
    projects.recountHours(e.projectId);
  }

  @Override
  protected void beforeDelete(TimeEntry e) {
    projects.lock(e.projectId);
  }

  @Override
  protected void afterDeletedOrRestored(TimeEntry e) {
    projects.recountHours(e.projectId);
  }

  @Override
  protected SqlFragment scope() {
    return projects.childScope();
  }

  @Override
  protected boolean visible(TimeEntry e) {
    return projects.sees(e.projectId);
  }
}
