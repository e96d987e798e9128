package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.CustomerPool;
import dev.headlesscrm.customer.domain.PoolRule;
import dev.headlesscrm.platform.cache.CacheVersions;
import dev.headlesscrm.platform.cache.PodCache;
import dev.headlesscrm.platform.security.OrgCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The live pools as every customer write needs them (which pool governs an owner, by which rules),
 * held in each pod: kind {@value #CACHE_KIND} of {@link CacheVersions}, moved by a trigger on
 * {@code customer_pools}, so a change is in force on every replica within the version poll.
 */
@ApplicationScoped
public class PoolDirectory {

  static final String CACHE_KIND = "customer-pools";

  /** A live pool as the rules and the moves read it. */
  public record Pool(
      UUID id,
      String name,
      boolean active,
      int priority,
      Set<UUID> memberEmployeeIds,
      List<UUID> memberDepartmentIds,
      Set<UUID> adminIds,
      List<PoolRule> rules,
      int warnDaysBefore,
      int escalateDaysBefore,
      Integer dailyClaimLimit,
      Integer ownershipCap,
      boolean capCountsWon,
      int coolingOffDays,
      Integer lockCap,
      List<String> hiddenFields) {

    static Pool of(CustomerPool p) {
      return new Pool(
          p.id,
          p.name,
          p.active,
          p.priority,
          Set.copyOf(p.memberEmployeeIds),
          List.copyOf(p.memberDepartmentIds),
          Set.copyOf(p.adminIds),
          List.copyOf(p.rules),
          p.warnDaysBefore,
          p.escalateDaysBefore,
          p.dailyClaimLimit,
          p.ownershipCap,
          p.capCountsWon,
          p.coolingOffDays,
          p.lockCap,
          List.copyOf(p.hiddenFields));
    }
  }

  @Inject EntityManager em;
  @Inject CacheVersions versions;
  @Inject OrgCache org;
  @Inject jakarta.transaction.TransactionSynchronizationRegistry transactions;

  private PodCache<Boolean, List<Pool>> cache;

  @PostConstruct
  void init() {
    cache = new PodCache<>(versions, CACHE_KIND, Duration.ofMinutes(10), 1);
  }

  /**
   * Every live pool, governing order first (priority, then name). Within the transaction that
   * changes a pool, the pools as it wrote them (the pod's copy moves only once it commits).
   */
  public List<Pool> all() {
    if (changedHere()) {
      em.flush();
      return load();
    }
    return cache.get(Boolean.TRUE, ignored -> load());
  }

  private boolean changedHere() {
    try {
      return transactions.getTransactionKey() != null
          && Boolean.TRUE.equals(transactions.getResource(CACHE_KIND));
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private List<Pool> load() {
    return em
        .createQuery("from CustomerPool p where p.deletedAt is null", CustomerPool.class)
        .getResultList()
        .stream()
        .map(Pool::of)
        .sorted(
            Comparator.comparingInt(Pool::priority)
                .thenComparing(Pool::name)
                .thenComparing(Pool::id))
        .toList();
  }

  /** This pod's readers see a change made here as soon as it commits. */
  void changed() {
    transactions.putResource(CACHE_KIND, Boolean.TRUE);
    versions.changed(CACHE_KIND);
  }

  public Optional<Pool> byId(UUID id) {
    return id == null
        ? Optional.empty()
        : all().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The employees and the departments (with everything below them) the pool's members are. */
  public boolean isMember(Pool pool, UUID employeeId, UUID departmentId) {
    if (employeeId == null) {
      return false;
    }
    if (pool.memberEmployeeIds().contains(employeeId) || pool.adminIds().contains(employeeId)) {
      return true;
    }
    return departmentId != null && memberDepartments(pool).contains(departmentId);
  }

  /** Every department whose employees are members: the member departments and their subtrees. */
  public Set<UUID> memberDepartments(Pool pool) {
    Set<UUID> out = new java.util.HashSet<>();
    pool.memberDepartmentIds().forEach(d -> out.addAll(org.departmentTree(d)));
    return out;
  }

  /**
   * The pool whose rules govern an owner's customers: the first active pool (by priority) the owner
   * is a member of (administrators included), if any.
   */
  public Optional<Pool> governing(UUID ownerId, UUID ownerDepartmentId) {
    if (ownerId == null) {
      return Optional.empty();
    }
    return all().stream()
        .filter(Pool::active)
        .filter(p -> isMember(p, ownerId, ownerDepartmentId))
        .findFirst();
  }
}
