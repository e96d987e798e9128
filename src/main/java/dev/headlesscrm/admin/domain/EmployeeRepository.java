package dev.headlesscrm.admin.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, UUID> {

  public Optional<Employee> findLive(UUID id) {
    return findByIdOptional(id).filter(e -> !e.isDeleted());
  }

  public List<Employee> findLive(Collection<UUID> ids) {
    return ids.isEmpty() ? List.of() : list("id in ?1 and deletedAt is null", ids);
  }

  public Optional<Employee> findBySubject(String subject) {
    return find("subject", subject).firstResultOptional();
  }

  /** An employee an administrator created for this username before the person first signed in. */
  public Optional<Employee> findUnlinkedByUsername(String username) {
    return find("lower(username) = lower(?1) and subject is null and deletedAt is null", username)
        .firstResultOptional();
  }

  /** Ids of the employee and all supervisors above, nearest first. */
  @SuppressWarnings("unchecked")
  public List<UUID> supervisorChainOf(UUID id) {
    return getEntityManager()
        .createNativeQuery(
            "WITH RECURSIVE up(id, supervisor_id, depth) AS ("
                + " SELECT id, supervisor_id, 0 FROM employees WHERE id = :id"
                + " UNION ALL SELECT e.id, e.supervisor_id, up.depth + 1 FROM employees e"
                + " JOIN up ON e.id = up.supervisor_id WHERE up.depth < 1000)"
                + " SELECT id FROM up ORDER BY depth",
            UUID.class)
        .setParameter("id", id)
        .getResultList();
  }

  public long countLiveInDepartment(UUID departmentId) {
    return count("departmentId = ?1 and deletedAt is null", departmentId);
  }

  public long countLiveSubordinates(UUID employeeId) {
    return count("supervisorId = ?1 and deletedAt is null", employeeId);
  }

  public String nextEmployeeNumber() {
    Number next =
        (Number)
            getEntityManager()
                .createNativeQuery("SELECT nextval('employee_number_seq')")
                .getSingleResult();
    return String.format("E%06d", next.longValue());
  }
}
