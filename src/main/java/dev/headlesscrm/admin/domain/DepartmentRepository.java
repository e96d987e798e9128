package dev.headlesscrm.admin.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<Department, UUID> {

  public Optional<Department> findLive(UUID id) {
    return findByIdOptional(id).filter(d -> !d.isDeleted());
  }

  public List<Department> findLive(Collection<UUID> ids) {
    return ids.isEmpty() ? List.of() : list("id in ?1 and deletedAt is null", ids);
  }

  /** Ids of the department and all its ancestors, nearest first (walks up the tree in SQL). */
  @SuppressWarnings("unchecked")
  public List<UUID> ancestorsOf(UUID id) {
    return getEntityManager()
        .createNativeQuery(
            "WITH RECURSIVE up(id, parent_id, depth) AS ("
                + " SELECT id, parent_id, 0 FROM departments WHERE id = :id"
                + " UNION ALL SELECT d.id, d.parent_id, up.depth + 1 FROM departments d"
                + " JOIN up ON d.id = up.parent_id WHERE up.depth < 1000)"
                + " SELECT id FROM up ORDER BY depth",
            UUID.class)
        .setParameter("id", id)
        .getResultList();
  }

  public long countLiveChildren(UUID id) {
    return count("parentId = ?1 and deletedAt is null", id);
  }

  public long countManagedBy(UUID employeeId) {
    return count("managerId = ?1 and deletedAt is null", employeeId);
  }
}
