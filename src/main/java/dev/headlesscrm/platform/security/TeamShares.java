package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.cache.CacheVersions;
import dev.headlesscrm.platform.cache.PodCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records shared with each employee (their team memberships still in force on a day), held in
 * this pod: cache kind {@code shares}, moved by a trigger on {@code record_team_members} (V34) and
 * at once by this pod's own team changes. Read by the data scope on every list, where one query per
 * request cost about a tenth of a list's CPU.
 */
@ApplicationScoped
public class TeamShares {

  public static final String KIND = "shares";

  private record Key(UUID employee, LocalDate day) {}

  @Inject EntityManager em;
  @Inject CacheVersions versions;
  @Inject jakarta.transaction.TransactionSynchronizationRegistry transactions;

  private final PodCache<Key, Map<String, Map<UUID, TeamAccess>>> held;

  @Inject
  TeamShares(CacheVersions versions) {
    held = new PodCache<>(versions, KIND, Duration.ofMinutes(1), 20_000);
  }

  /**
   * By resource, the records shared with the employee on that day, with their access. A transaction
   * that changed a team reads its own uncommitted rows and keeps them out of the pod's cache (they
   * may yet roll back).
   */
  public Map<String, Map<UUID, TeamAccess>> of(UUID employee, LocalDate day) {
    Key key = new Key(employee, day);
    if (transactions.getTransactionKey() != null && transactions.getResource(KIND) != null) {
      return load(key);
    }
    return held.get(key, this::load);
  }

  /**
   * A team was changed in the current transaction: this pod's cache drops what it holds when the
   * transaction commits (other pods follow the trigger's version on their next poll).
   */
  public void changedHere() {
    if (transactions.getTransactionKey() != null) {
      transactions.putResource(KIND, Boolean.TRUE);
    }
    versions.changed(KIND);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<UUID, TeamAccess>> load(Key key) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT resource, record_id, access FROM record_team_members"
                    + " WHERE employee_id = ?1 AND (until IS NULL OR until >= ?2)")
            .setParameter(1, key.employee())
            .setParameter(2, key.day())
            .getResultList();
    Map<String, Map<UUID, TeamAccess>> out = new HashMap<>();
    for (Object[] row : rows) {
      out.computeIfAbsent((String) row[0], r -> new HashMap<>())
          .put((UUID) row[1], TeamAccess.valueOf((String) row[2]));
    }
    out.replaceAll((resource, records) -> Map.copyOf(records));
    return Map.copyOf(out);
  }
}
