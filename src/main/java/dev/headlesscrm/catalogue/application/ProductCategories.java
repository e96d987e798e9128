package dev.headlesscrm.catalogue.application;

import dev.headlesscrm.catalogue.domain.ProductCategoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The catalogue's category look-up for other contexts (产品类别): sales' commission rules are set per
 * category and applied along a product's category chain, without reaching into catalogue entities.
 */
@ApplicationScoped
public class ProductCategories {

  @Inject EntityManager em;
  @Inject ProductCategoryRepository categories;

  /**
   * Product id → its category and every category above it, nearest first, for the products that
   * have a category (deleted products and categories included: what was sold stays what it was).
   */
  public Map<UUID, List<UUID>> of(Collection<UUID> productIds) {
    Map<UUID, List<UUID>> out = new HashMap<>();
    if (productIds.isEmpty()) {
      return out;
    }
    Map<UUID, List<UUID>> chains = new HashMap<>();
    em.createQuery(
            "select p.id, p.categoryId from Product p where p.id in :ids"
                + " and p.categoryId is not null",
            Object[].class)
        .setParameter("ids", productIds)
        .getResultList()
        .forEach(
            r ->
                out.put(
                    (UUID) r[0],
                    chains.computeIfAbsent((UUID) r[1], c -> categories.ancestorsOf(c))));
    return out;
  }

  /** Whether this is a live (not deleted) product category. */
  public boolean isLive(UUID categoryId) {
    return categories.findLive(categoryId).isPresent();
  }
}
