package dev.headlesscrm.customer.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The configurable value lists (industry, level, ...) customers refer to by code. */
@ApplicationScoped
public class DictionaryRepository {

  @Inject EntityManager em;

  /** Which of these codes are active entries of the kind. */
  @SuppressWarnings("unchecked")
  public Set<String> activeCodes(String kind, Collection<String> codes) {
    if (codes.isEmpty()) {
      return Set.of();
    }
    List<String> found =
        em.createNativeQuery(
                "SELECT code FROM dictionary_items WHERE kind = ?1 AND active AND code IN (?2)",
                String.class)
            .setParameter(1, kind)
            .setParameter(2, codes)
            .getResultList();
    return new HashSet<>(found);
  }

  /** The entries of one kind, in display order. */
  @SuppressWarnings("unchecked")
  public List<Object[]> entries(String kind) {
    return em.createNativeQuery(
            "SELECT code, name_zh, name_en, sort_order, active FROM dictionary_items"
                + " WHERE kind = ?1 ORDER BY sort_order, code")
        .setParameter(1, kind)
        .getResultList();
  }
}
