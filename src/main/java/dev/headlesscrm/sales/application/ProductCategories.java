package dev.headlesscrm.sales.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The category of each product sold, for commission rules by category. Products live in their own
 * context, which may land after this one: until its table exists no product has a category, and
 * only rules without a category apply.
 */
@ApplicationScoped
class ProductCategories {

  @Inject EntityManager em;

  /** Product id → category id, for the products that have a category. */
  @SuppressWarnings("unchecked")
  Map<UUID, UUID> of(Collection<UUID> productIds) {
    Map<UUID, UUID> out = new HashMap<>();
    if (productIds.isEmpty()
        || !(Boolean)
            em.createNativeQuery("SELECT to_regclass('products') IS NOT NULL").getSingleResult()) {
      return out;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, category_id FROM products WHERE id IN (?1) AND category_id IS NOT NULL")
            .setParameter(1, productIds)
            .getResultList();
    rows.forEach(r -> out.put((UUID) r[0], (UUID) r[1]));
    return out;
  }
}
