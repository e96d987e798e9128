package dev.headlesscrm.platform.dictionary;

import dev.headlesscrm.platform.cache.CacheVersions;
import dev.headlesscrm.platform.cache.PodCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configurable value lists (industry, level, ...) customers refer to by code. */
@ApplicationScoped
public class DictionaryRepository {

  static final String CACHE_KIND = "dictionary";

  @Inject EntityManager em;
  @Inject CacheVersions versions;

  private PodCache<Boolean, Set<String>> activeCache;

  @PostConstruct
  void init() {
    activeCache = new PodCache<>(versions, CACHE_KIND, Duration.ofMinutes(10), 1);
  }

  /**
   * Which of these (kind, code) pairs are active entries. The active pairs are held in each pod
   * (kind {@value #CACHE_KIND} of {@link CacheVersions}: a trigger on {@code dictionary_items}
   * moves it), so that checking the codes of a thousand batched records costs no statement each.
   */
  public Set<String> activePairs(Map<String, String> codeByKind) {
    if (codeByKind.isEmpty()) {
      return Set.of();
    }
    Set<String> all = activeCache.get(Boolean.TRUE, ignored -> loadActive());
    Set<String> found = new HashSet<>();
    codeByKind.forEach(
        (kind, code) -> {
          String pair = kind + ":" + code;
          if (all.contains(pair)) {
            found.add(pair);
          }
        });
    return found;
  }

  @SuppressWarnings("unchecked")
  private Set<String> loadActive() {
    return Set.copyOf(
        (List<String>)
            em.createNativeQuery(
                    "SELECT kind || ':' || code FROM dictionary_items WHERE active", String.class)
                .getResultList());
  }

  /** This pod's readers see a change made here as soon as it commits. */
  void changed() {
    versions.changed(CACHE_KIND);
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
    changed();
  }
}
