package dev.headlesscrm.admin.application;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.admin.domain.DepartmentRepository;
import dev.headlesscrm.admin.domain.Employee;
import dev.headlesscrm.admin.domain.EmployeeRepository;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.InputValidator;
import dev.headlesscrm.platform.api.MergePatcher;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Preconditions;
import dev.headlesscrm.platform.api.Text;
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

/** Employees: read by every principal, written by administrators. */
@ApplicationScoped
public class EmployeeService {

  static final String RESOURCE = "employee";

  @Inject EmployeeRepository employees;
  @Inject DepartmentRepository departments;
  @Inject InputValidator validator;
  @Inject MergePatcher patcher;
  @Inject Preconditions preconditions;

  @Transactional
  public Page<EmployeeView> list(PageRequest page) {
    return KeysetPager.byId(employees, "deletedAt is null", Map.of(), page, EmployeeView::of);
  }

  @Transactional
  public EmployeeView get(UUID id) {
    return EmployeeView.of(live(id));
  }

  @Transactional
  public List<EmployeeView> getAll(Collection<UUID> ids) {
    return employees.findLive(ids).stream().map(EmployeeView::of).toList();
  }

  @Transactional
  @RolesAllowed(Roles.CRM_ADMIN)
  public EmployeeView create(EmployeeInput input) {
    validator.valid(input);
    Employee employee = new Employee();
    input.applyTo(employee);
    if (employee.employeeNumber == null) {
      employee.employeeNumber = employees.nextEmployeeNumber();
    }
    checkReferences(employee);
    employees.persistAndFlush(employee);
    return EmployeeView.of(employee);
  }

  @Transactional
  @RolesAllowed(Roles.CRM_ADMIN)
  public EmployeeView update(UUID id, Long expectedVersion, JsonNode mergePatch) {
    Employee employee = live(id);
    preconditions.check(expectedVersion, employee.version);
    EmployeeInput changed =
        validator.valid(
            patcher.apply(EmployeeView.of(employee), EmployeeInput.of(employee), mergePatch));
    if (changed.employeeNumber() == null) {
      throw CrmException.invalidField(
          "employeeNumber", "required", Text.of("The employee number is required.", "员工编号不能为空。"));
    }
    changed.applyTo(employee);
    checkReferences(employee);
    employees.flush();
    return EmployeeView.of(employee);
  }

  @Transactional
  @RolesAllowed(Roles.CRM_ADMIN)
  public void delete(UUID id, Long expectedVersion) {
    Employee employee = live(id);
    preconditions.check(expectedVersion, employee.version);
    if (employees.countLiveSubordinates(id) > 0) {
      throw CrmException.conflict(
          Text.of(
              "The employee still supervises others; give them a new supervisor first.",
              "该员工仍有下属，请先为下属指定新的上级。"));
    }
    if (departments.countManagedBy(id) > 0) {
      throw CrmException.conflict(
          Text.of(
              "The employee still manages a department; name a new manager first.",
              "该员工仍是某部门的负责人，请先指定新的负责人。"));
    }
    employee.markDeleted();
  }

  private Employee live(UUID id) {
    return employees.findLive(id).orElseThrow(() -> CrmException.notFound(RESOURCE, id));
  }

  private void checkReferences(Employee e) {
    if (e.departmentId != null && departments.findLive(e.departmentId).isEmpty()) {
      throw CrmException.invalidField(
          "departmentId", "not-found", Text.of("No such department.", "该部门不存在。"));
    }
    if (e.supervisorId != null) {
      if (employees.findLive(e.supervisorId).isEmpty()) {
        throw CrmException.invalidField(
            "supervisorId", "not-found", Text.of("No such employee.", "该员工不存在。"));
      }
      if (e.id != null && employees.supervisorChainOf(e.supervisorId).contains(e.id)) {
        throw CrmException.invalidField(
            "supervisorId",
            "cycle",
            Text.of(
                "An employee cannot report to themselves or to someone who reports to them.",
                "员工的上级不能是本人或其下属。"));
      }
    }
  }
}
