package dev.headlesscrm.admin.application;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** What the organisation's database constraints mean to a client. */
@ApplicationScoped
public class AdminConstraints implements ConstraintProblems {

  @Override
  public Map<String, Meaning> constraints() {
    return Map.of(
        "departments_code_key",
        Meaning.duplicate(
            "code", Text.of("A department with this code already exists.", "已存在相同编码的部门。")),
        "employees_employee_number_key",
        Meaning.duplicate(
            "employeeNumber",
            Text.of("An employee with this number already exists.", "已存在相同编号的员工。")),
        "employees_username_key",
        Meaning.duplicate(
            "username", Text.of("Another employee already has this username.", "已有其他员工使用该用户名。")),
        "employees_subject_key",
        Meaning.duplicate(
            "subject",
            Text.of(
                "Another employee is already linked to this Keycloak user.",
                "已有其他员工关联到该 Keycloak 用户。")));
  }
}
