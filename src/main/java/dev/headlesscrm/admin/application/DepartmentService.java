package dev.headlesscrm.admin.application;

import dev.headlesscrm.admin.domain.Department;
import dev.headlesscrm.admin.domain.DepartmentRepository;
import dev.headlesscrm.admin.domain.EmployeeRepository;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Departments: read by every principal, written by administrators (AccessPolicy). */
@ApplicationScoped
public class DepartmentService extends RecordService<Department, DepartmentView, DepartmentInput> {

  static final String RESOURCE = "department";

  static final RecordDefinition<Department, DepartmentView, DepartmentInput> DEFINITION =
      RecordDefinition.of(
              AdminResources.DEPARTMENTS,
              Department.class,
              DepartmentView.class,
              DepartmentInput.class)
          .build();

  @Inject DepartmentRepository departments;
  @Inject EmployeeRepository employees;

  @Override
  protected RecordDefinition<Department, DepartmentView, DepartmentInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void beforeDelete(Department department) {
    if (departments.countLiveChildren(department.id) > 0) {
      throw CrmException.conflict(
          Text.of(
              "The department still has sub-departments; move or delete them first.",
              "该部门下仍有子部门，请先移动或删除它们。"));
    }
    if (employees.countLiveInDepartment(department.id) > 0) {
      throw CrmException.conflict(
          Text.of("The department still has employees; move them first.", "该部门下仍有员工，请先调整他们的部门。"));
    }
  }

  @Override
  protected void apply(DepartmentInput input, Department d, boolean creating) {
    copy(input, d);
    d.code = d.code.trim();
    d.name = d.name.trim();
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
