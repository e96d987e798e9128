package dev.headlesscrm.platform.dictionary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The configurable value lists (industry, level, ...) customers refer to by code. */
@ApplicationScoped
public class DictionaryRepository {

  @Inject EntityManager em;

  /** Which of these (kind, code) pairs are active entries, in one query. */
  @SuppressWarnings("unchecked")
  public Set<String> activePairs(java.util.Map<String, String> codeByKind) {
    if (codeByKind.isEmpty()) {
      return Set.of();
    }
    StringBuilder sql =
        new StringBuilder("SELECT kind || ':' || code FROM dictionary_items WHERE active AND (");
    List<String> params = new java.util.ArrayList<>();
    codeByKind.forEach(
        (kind, code) -> {
          sql.append(params.isEmpty() ? "" : " OR ")
              .append("(kind = ?")
              .append(params.size() + 1)
              .append(" AND code = ?")
              .append(params.size() + 2)
              .append(")");
          params.add(kind);
          params.add(code);
        });
    var query = em.createNativeQuery(sql.append(")").toString(), String.class);
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    return new HashSet<>((List<String>) query.getResultList());
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

  /** Inserts or updates one entry. */
  public void put(
      String kind, String code, String nameZh, String nameEn, int sortOrder, boolean active) {
    em.createNativeQuery(
            "INSERT INTO dictionary_items (kind, code, name_zh, name_en, sort_order, active)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (kind, code) DO UPDATE SET"
                + " name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,"
                + " sort_order = EXCLUDED.sort_order, active = EXCLUDED.active")
        .setParameter(1, kind)
        .setParameter(2, code)
        .setParameter(3, nameZh)
        .setParameter(4, nameEn)
        .setParameter(5, sortOrder)
        .setParameter(6, active)
        .executeUpdate();
  }
}
