package dev.headlesscrm.catalogue.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The category tree: lookups and the walks its rules need. */
@ApplicationScoped
public class ProductCategoryRepository implements PanacheRepositoryBase<ProductCategory, UUID> {

  public Optional<ProductCategory> findLive(UUID id) {
    return findByIdOptional(id).filter(c -> !c.isDeleted());
  }

  /** Ids of the category and all its ancestors, nearest first (walks up the tree in SQL). */
  @SuppressWarnings("unchecked")
  public List<UUID> ancestorsOf(UUID id) {
    return getEntityManager()
        .createNativeQuery(
            "WITH RECURSIVE up(id, parent_id, depth) AS ("
                + " SELECT id, parent_id, 0 FROM product_categories WHERE id = :id"
                + " UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM product_categories c"
                + " JOIN up ON c.id = up.parent_id WHERE up.depth < 1000)"
                + " SELECT id FROM up ORDER BY depth",
            UUID.class)
        .setParameter("id", id)
        .getResultList();
  }
}
