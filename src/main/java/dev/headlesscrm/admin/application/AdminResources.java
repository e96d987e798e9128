package dev.headlesscrm.admin.application;

import dev.headlesscrm.admin.domain.DepartmentKind;
import dev.headlesscrm.admin.domain.EmployeeStatus;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Employees and departments as other resources' filters and expands reach them ({@code
 * owner.department.name==华东销售部}, {@code expand=owner}).
 */
@ApplicationScoped
public class AdminResources implements ResourceDeclarations {

  static final ResourceSpec EMPLOYEES =
      ResourceSpec.builder("employee", "employees")
          .view(EmployeeView.class)
          .field("employeeNumber", "employee_number", FieldType.STRING, true, false)
          .field("name", "name", FieldType.STRING, true, false)
          .field("email", "email", FieldType.STRING, false, true)
          .field("username", "username", FieldType.STRING, false, true)
          .field("departmentId", "department_id", FieldType.UUID_, false, true)
          .field("supervisorId", "supervisor_id", FieldType.UUID_, false, true)
          .enumField("status", "status", EmployeeStatus.class, true)
          .auditFields()
          .relation("department", "department_id", "department")
          .relation("supervisor", "supervisor_id", "employee")
          .softDelete()
          .build();

  static final ResourceSpec DEPARTMENTS =
      ResourceSpec.builder("department", "departments")
          .view(DepartmentView.class)
          .field("code", "code", FieldType.STRING, true, false)
          .field("name", "name", FieldType.STRING, true, false)
          .enumField("kind", "kind", DepartmentKind.class, true)
          .field("parentId", "parent_id", FieldType.UUID_, false, true)
          .field("managerId", "manager_id", FieldType.UUID_, false, true)
          .field("sortOrder", "sort_order", FieldType.INTEGER, true, false)
          .auditFields()
          .relation("parent", "parent_id", "department")
          .relation("manager", "manager_id", "employee")
          .softDelete()
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(EMPLOYEES, DEPARTMENTS);
  }
}
