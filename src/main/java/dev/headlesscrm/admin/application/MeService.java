package dev.headlesscrm.admin.application;

import dev.headlesscrm.admin.domain.DepartmentRepository;
import dev.headlesscrm.admin.domain.EmployeeRepository;
import dev.headlesscrm.platform.security.Caller;
import dev.headlesscrm.platform.security.CallerPermissions;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.PrincipalKind;
import dev.headlesscrm.platform.security.ResolvedPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Answers "who am I" for any authenticated caller. */
@ApplicationScoped
public class MeService {

  @Inject CurrentPrincipal current;
  @Inject CallerPermissions permissions;
  @Inject EmployeeRepository employees;
  @Inject DepartmentRepository departments;

  @Transactional
  public MeView me() {
    Caller caller = current.caller();
    ResolvedPrincipal principal = current.resolve();
    EmployeeView employee = null;
    DepartmentView department = null;
    if (principal.kind() == PrincipalKind.EMPLOYEE) {
      employee =
          employees
              .findByIdOptional(principal.id())
              .map(EmployeeService.DEFINITION.view())
              .orElse(null);
      if (employee != null && employee.departmentId() != null) {
        department =
            departments
                .findLive(employee.departmentId())
                .map(DepartmentService.DEFINITION.view())
                .orElse(null);
      }
    }
    return new MeView(
        principal.id(),
        principal.kind(),
        caller.subject(),
        caller.username(),
        caller.clientId(),
        caller.roles(),
        List.copyOf(permissions.all()),
        employee,
        department);
  }
}
