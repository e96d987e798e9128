package dev.headlesscrm.admin.application;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.admin.domain.Department;
import dev.headlesscrm.admin.domain.DepartmentRepository;
import dev.headlesscrm.admin.domain.EmployeeRepository;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.InputValidator;
import dev.headlesscrm.platform.api.MergePatcher;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Preconditions;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.audit.ChangeLog;
import dev.headlesscrm.platform.audit.ChangeRecord;
import dev.headlesscrm.platform.audit.FieldChange;
import dev.headlesscrm.platform.audit.HistoryEntryView;
import dev.headlesscrm.platform.persistence.KeysetPager;
import dev.headlesscrm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Departments: read by every principal, written by administrators. */
@ApplicationScoped
public class DepartmentService {

  static final String RESOURCE = "department";

  @Inject DepartmentRepository departments;
  @Inject EmployeeRepository employees;
  @Inject InputValidator validator;
  @Inject MergePatcher patcher;
  @Inject Preconditions preconditions;
  @Inject ChangeLog changeLog;

  @Transactional
  public Page<DepartmentView> list(PageRequest page) {
    return KeysetPager.byId(departments, "deletedAt is null", Map.of(), page, DepartmentView::of);
  }

  @Transactional
  public DepartmentView get(UUID id) {
    return DepartmentView.of(live(id));
  }

  /** For batched GraphQL relations: the live departments among these ids. */
  @Transactional
  public List<DepartmentView> getAll(Collection<UUID> ids) {
    return departments.findLive(ids).stream().map(DepartmentView::of).toList();
  }

  @Transactional
  @RolesAllowed(Roles.CRM_ADMIN)
  public DepartmentView create(DepartmentInput input) {
    validator.valid(input);
    Department department = new Department();
    input.applyTo(department);
    checkReferences(department);
    departments.persistAndFlush(department);
    DepartmentView created = DepartmentView.of(department);
    changeLog.record(
        new ChangeRecord(
            RESOURCE,
            created.id(),
            created.version(),
            ChangeLog.CREATED,
            changeLog.diff(null, created),
            created));
    return created;
  }

  @Transactional
  @RolesAllowed(Roles.CRM_ADMIN)
  public DepartmentView update(UUID id, Long expectedVersion, JsonNode mergePatch) {
    Department department = live(id);
    preconditions.check(expectedVersion, department.version);
    DepartmentView before = DepartmentView.of(department);
    DepartmentInput changed =
        validator.valid(
            patcher.apply(
                DepartmentView.of(department), DepartmentInput.of(department), mergePatch));
    changed.applyTo(department);
    checkReferences(department);
    departments.flush();
    DepartmentView after = DepartmentView.of(department);
    Map<String, FieldChange> changes = changeLog.diff(before, after);
    if (!changes.isEmpty()) {
      changeLog.record(
          new ChangeRecord(RESOURCE, id, after.version(), ChangeLog.UPDATED, changes, after));
    }
    return after;
  }

  @Transactional
  @RolesAllowed(Roles.CRM_ADMIN)
  public void delete(UUID id, Long expectedVersion) {
    Department department = live(id);
    preconditions.check(expectedVersion, department.version);
    if (departments.countLiveChildren(id) > 0) {
      throw CrmException.conflict(
          Text.of(
              "The department still has sub-departments; move or delete them first.",
              "该部门下仍有子部门，请先移动或删除它们。"));
    }
    if (employees.countLiveInDepartment(id) > 0) {
      throw CrmException.conflict(
          Text.of("The department still has employees; move them first.", "该部门下仍有员工，请先调整他们的部门。"));
    }
    department.markDeleted();
    departments.flush();
    changeLog.record(
        new ChangeRecord(
            RESOURCE,
            id,
            department.version,
            ChangeLog.DELETED,
            Map.of("deletedAt", new FieldChange(null, department.deletedAt)),
            DepartmentView.of(department)));
  }

  /** The department's field-level history, newest first. */
  @Transactional
  public Page<HistoryEntryView> history(UUID id, PageRequest page) {
    live(id);
    return changeLog.history(RESOURCE, id, page);
  }

  private Department live(UUID id) {
    return departments.findLive(id).orElseThrow(() -> CrmException.notFound(RESOURCE, id));
  }

  private void checkReferences(Department d) {
    if (d.parentId != null) {
      if (departments.findLive(d.parentId).isEmpty()) {
        throw CrmException.invalidField(
            "parentId", "not-found", Text.of("No such parent department.", "上级部门不存在。"));
      }
      if (d.id != null && departments.ancestorsOf(d.parentId).contains(d.id)) {
        throw CrmException.invalidField(
            "parentId",
            "cycle",
            Text.of(
                "A department cannot be placed under itself or one of its sub-departments.",
                "部门不能挂在自身或其下级部门之下。"));
      }
    }
    if (d.managerId != null && employees.findLive(d.managerId).isEmpty()) {
      throw CrmException.invalidField(
          "managerId", "not-found", Text.of("No such employee.", "该员工不存在。"));
    }
  }
}
