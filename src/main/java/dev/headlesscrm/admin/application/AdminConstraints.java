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
        "employees_subject_key",
        Meaning.duplicate(
            "subject",
            Text.of(
                "Another employee is already linked to this Keycloak user.",
                "已有其他员工关联到该 Keycloak 用户。")));
  }
}
