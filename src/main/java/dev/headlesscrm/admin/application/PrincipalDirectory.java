package dev.headlesscrm.admin.application;

import dev.headlesscrm.admin.domain.Employee;
import dev.headlesscrm.admin.domain.EmployeeRepository;
import dev.headlesscrm.admin.domain.EmployeeStatus;
import dev.headlesscrm.admin.domain.ServiceAccount;
import dev.headlesscrm.admin.domain.ServiceAccountRepository;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.security.Caller;
import dev.headlesscrm.platform.security.PrincipalKind;
import dev.headlesscrm.platform.security.PrincipalResolver;
import dev.headlesscrm.platform.security.ResolvedPrincipal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Duration;

/**
 * Who a caller is inside the CRM. A Keycloak user becomes an employee on first sight (linked to an
 * employee an administrator prepared under the same username, or created); an integration's client
 * becomes a service account. Runs in its own short transaction so that the record exists whatever
 * happens to the request's own work; two first requests racing each other both end up with the one
 * record the unique subject index allows.
 */
@ApplicationScoped
public class PrincipalDirectory implements PrincipalResolver {

  private static final Duration LAST_SEEN_GRANULARITY = Duration.ofHours(1);

  @Inject EmployeeRepository employees;
  @Inject ServiceAccountRepository serviceAccounts;

  @Override
  public ResolvedPrincipal resolve(Caller caller) {
    if (!caller.serviceAccount()) {
      // Known employees are read in the caller's own transaction: a request that already holds a
      // pooled connection must not wait for a second one (32 requests on a pool of 20 would).
      // Scalars, without flushing: this may run while the caller's own changes are being flushed.
      java.util.List<Object[]> known =
          employees
              .getEntityManager()
              .createQuery(
                  "select e.id, e.departmentId from Employee e where e.subject = :subject",
                  Object[].class)
              .setParameter("subject", caller.subject())
              .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
              .getResultList();
      if (!known.isEmpty()) {
        return new ResolvedPrincipal(
            (java.util.UUID) known.get(0)[0],
            PrincipalKind.EMPLOYEE,
            (java.util.UUID) known.get(0)[1]);
      }
    }
    try {
      return QuarkusTransaction.requiringNew().call(() -> findOrCreate(caller));
    } catch (PersistenceException raceLost) {
      return QuarkusTransaction.requiringNew().call(() -> findOrCreate(caller));
    }
  }

  private ResolvedPrincipal findOrCreate(Caller caller) {
    return caller.serviceAccount() ? serviceAccount(caller) : employee(caller);
  }

  private ResolvedPrincipal employee(Caller caller) {
    Employee employee =
        employees
            .findBySubject(caller.subject())
            .orElseGet(
                () ->
                    employees
                        .findUnlinkedByUsername(caller.username())
                        .map(prepared -> link(prepared, caller))
                        .orElseGet(() -> firstSight(caller)));
    return new ResolvedPrincipal(employee.id, PrincipalKind.EMPLOYEE, employee.departmentId);
  }

  private Employee link(Employee prepared, Caller caller) {
    prepared.subject = caller.subject();
    employees.flush();
    return prepared;
  }

  private Employee firstSight(Caller caller) {
    Employee employee = new Employee();
    employee.employeeNumber = employees.nextEmployeeNumber();
    employee.name = firstNonBlank(caller.name(), caller.username(), caller.subject());
    employee.email = caller.email();
    employee.username = caller.username();
    employee.subject = caller.subject();
    employee.status = EmployeeStatus.ACTIVE;
    employees.persistAndFlush(employee);
    return employee;
  }

  private ResolvedPrincipal serviceAccount(Caller caller) {
    // The client id is what identifies an integration; its service-account user (and so the
    // token's subject) may be re-created in Keycloak, in which case the record follows it.
    ServiceAccount account =
        serviceAccounts
            .findByClientId(caller.clientId())
            .orElseGet(
                () -> {
                  ServiceAccount created = new ServiceAccount();
                  created.subject = caller.subject();
                  created.clientId = caller.clientId();
                  created.createdAt = Clock.now();
                  created.lastSeenAt = created.createdAt;
                  serviceAccounts.persistAndFlush(created);
                  return created;
                });
    if (!account.subject.equals(caller.subject())) {
      account.subject = caller.subject();
    }
    if (account.lastSeenAt.plus(LAST_SEEN_GRANULARITY).isBefore(Clock.now())) {
      account.lastSeenAt = Clock.now();
    }
    return new ResolvedPrincipal(account.id, PrincipalKind.SERVICE_ACCOUNT, null);
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "unknown";
  }
}
