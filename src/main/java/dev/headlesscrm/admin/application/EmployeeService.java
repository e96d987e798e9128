package dev.headlesscrm.admin.application;

import dev.headlesscrm.admin.domain.DepartmentRepository;
import dev.headlesscrm.admin.domain.Employee;
import dev.headlesscrm.admin.domain.EmployeeRepository;
import dev.headlesscrm.admin.domain.EmployeeStatus;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Employees: read by every principal, written by administrators (AccessPolicy). */
@ApplicationScoped
public class EmployeeService extends RecordService<Employee, EmployeeView, EmployeeInput> {

  static final String RESOURCE = "employee";

  static final RecordDefinition<Employee, EmployeeView, EmployeeInput> DEFINITION =
      RecordDefinition.of(
              AdminResources.EMPLOYEES, Employee.class, EmployeeView.class, EmployeeInput.class)
          .own("employeeNumber")
          .build();

  @Inject EmployeeRepository employees;
  @Inject DepartmentRepository departments;

  @Override
  protected RecordDefinition<Employee, EmployeeView, EmployeeInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void beforeDelete(Employee employee) {
    if (employees.countLiveSubordinates(employee.id) > 0) {
      throw CrmException.conflict(
          Text.of(
              "The employee still supervises others; give them a new supervisor first.",
              "该员工仍有下属，请先为下属指定新的上级。"));
    }
    if (departments.countManagedBy(employee.id) > 0) {
      throw CrmException.conflict(
          Text.of(
              "The employee still manages a department; name a new manager first.",
              "该员工仍是某部门的负责人，请先指定新的负责人。"));
    }
  }

  @Override
  protected void apply(EmployeeInput input, Employee e, boolean creating) {
    if (!creating && input.employeeNumber() == null) {
      throw CrmException.invalidField(
          "employeeNumber", "required", Text.of("The employee number is required.", "员工编号不能为空。"));
    }
    copy(input, e);
    e.name = e.name.trim();
    if (input.employeeNumber() != null) {
      e.employeeNumber = input.employeeNumber().trim();
    }
    if (input.status() == null) {
      e.status = EmployeeStatus.ACTIVE;
    }
    if (e.employeeNumber == null) {
      e.employeeNumber = employees.nextEmployeeNumber();
    }
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
