package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.cache.CacheVersions;
import dev.headlesscrm.platform.cache.PodCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Who a caller is and the parts of the organisation their data scope spans, held in each pod (kind
 * {@code org}: employees and departments) so that a request resolves its caller and scope without a
 * transaction of its own. Dropped on every pod when an employee or department changes; an entry
 * lives a minute at most, so what changes beside those tables (a service account's last sight) is
 * still written now and then.
 */
@ApplicationScoped
public class OrgCache {

  static final String KIND = "org";
  private static final Duration LIFE = Duration.ofMinutes(1);
  private static final int ENTRIES = 20_000;

  @Inject PrincipalResolver resolver;
  @Inject OrgDirectory org;

  private final PodCache<Caller, ResolvedPrincipal> principals;
  private final PodCache<UUID, Set<UUID>> subordinates;
  private final PodCache<UUID, Set<UUID>> trees;
  private final PodCache<UUID, Set<UUID>> managed;

  @Inject
  OrgCache(CacheVersions versions) {
    principals = new PodCache<>(versions, KIND, LIFE, ENTRIES);
    subordinates = new PodCache<>(versions, KIND, LIFE, ENTRIES);
    trees = new PodCache<>(versions, KIND, LIFE, ENTRIES);
    managed = new PodCache<>(versions, KIND, LIFE, ENTRIES);
  }

  public ResolvedPrincipal resolve(Caller caller) {
    return principals.get(caller, resolver::resolve);
  }

  public Set<UUID> selfAndSubordinates(UUID employee) {
    return subordinates.get(employee, org::selfAndSubordinates);
  }

  public Set<UUID> departmentTree(UUID department) {
    return trees.get(department, org::departmentTree);
  }

  public Set<UUID> managedDepartmentTrees(UUID employee) {
    return managed.get(employee, org::managedDepartmentTrees);
  }
}
