package dev.headlesscrm.admin.application;

import dev.headlesscrm.platform.security.OrgDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The supervisor chain and the department tree, walked down in SQL, for data scope. */
@ApplicationScoped
public class Organisation implements OrgDirectory {

  @Inject EntityManager em;

  @Override
  @SuppressWarnings("unchecked")
  public Set<UUID> selfAndSubordinates(UUID employeeId) {
    List<UUID> ids =
        em.createNativeQuery(
                "WITH RECURSIVE down(id, depth) AS (SELECT CAST(?1 AS uuid), 0"
                    + " UNION ALL SELECT e.id, down.depth + 1 FROM employees e JOIN down"
                    + " ON e.supervisor_id = down.id WHERE e.deleted_at IS NULL AND down.depth < 50)"
                    + " SELECT DISTINCT id FROM down",
                UUID.class)
            .setParameter(1, employeeId)
            .getResultList();
    return new HashSet<>(ids);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Set<UUID> departmentTree(UUID departmentId) {
    List<UUID> ids =
        em.createNativeQuery(
                "WITH RECURSIVE down(id, depth) AS (SELECT CAST(?1 AS uuid), 0"
                    + " UNION ALL SELECT d.id, down.depth + 1 FROM departments d JOIN down"
                    + " ON d.parent_id = down.id WHERE d.deleted_at IS NULL AND down.depth < 50)"
                    + " SELECT DISTINCT id FROM down",
                UUID.class)
            .setParameter(1, departmentId)
            .getResultList();
    return new HashSet<>(ids);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Set<UUID> managedDepartmentTrees(UUID employeeId) {
    List<UUID> ids =
        em.createNativeQuery(
                "WITH RECURSIVE down(id, depth) AS (SELECT d.id, 0 FROM departments d"
                    + " WHERE d.manager_id = ?1 AND d.deleted_at IS NULL"
                    + " UNION ALL SELECT d.id, down.depth + 1 FROM departments d JOIN down"
                    + " ON d.parent_id = down.id WHERE d.deleted_at IS NULL AND down.depth < 50)"
                    + " SELECT DISTINCT id FROM down",
                UUID.class)
            .setParameter(1, employeeId)
            .getResultList();
    return new HashSet<>(ids);
  }

  @Override
  @SuppressWarnings("unchecked")
  public java.util.Optional<Member> activeEmployee(UUID employeeId) {
    List<Object> found =
        em.createNativeQuery(
                "SELECT CAST(department_id AS text) FROM employees"
                    + " WHERE id = ?1 AND deleted_at IS NULL AND status = 'ACTIVE'")
            .setParameter(1, employeeId)
            // It reads employees only: pending inserts of other tables (a bulk chunk's records)
            // need not be flushed before it, and stay in their JDBC batch.
            .unwrap(org.hibernate.query.NativeQuery.class)
            .addSynchronizedQuerySpace("employees")
            .getResultList();
    if (found.isEmpty()) {
      return java.util.Optional.empty();
    }
    Object department = found.get(0);
    return java.util.Optional.of(
        new Member(employeeId, department == null ? null : UUID.fromString((String) department)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public java.util.Optional<UUID> activeSupervisor(UUID employeeId) {
    List<UUID> found =
        em.createNativeQuery(
                "SELECT s.id FROM employees e JOIN employees s ON s.id = e.supervisor_id"
                    + " WHERE e.id = ?1 AND s.deleted_at IS NULL AND s.status = 'ACTIVE'",
                UUID.class)
            .setParameter(1, employeeId)
            .getResultList();
    return found.stream().findFirst();
  }
}
