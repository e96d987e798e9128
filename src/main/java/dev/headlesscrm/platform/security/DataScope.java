package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.query.SqlFragment;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The caller's data scope, computed once per request from the stored role scopes and the
 * organisation: the widest scope of the caller's roles decides which owners' records are visible;
 * records shared with the caller as a team member (团队成员, until their end date) are visible too.
 * Records outside both do not exist for the caller (404, never 403).
 */
@RequestScoped
public class DataScope {

  @Inject SecurityIdentity identity;
  @Inject CurrentPrincipal principal;
  @Inject EntityManager em;
  @Inject RoleGrants grants;
  @Inject OrgCache cached;
  @Inject TeamShares teamShares;

  /** Up to this many shared records are listed by id (index-friendly); beyond, a subquery. */
  static final int INLINE_SHARED = 1000;

  private Scope scope;
  private Set<UUID> owners;
  private Set<UUID> departments;

  /**
   * A scope for one resource that differs from the caller's scope, with its owners and departments.
   */
  private record Reach(Scope scope, Set<UUID> owners, Set<UUID> departments) {}

  /** Concurrent: GraphQL resolves a request's batched relations on several threads at once. */
  private final Map<String, Reach> byResource = new java.util.concurrent.ConcurrentHashMap<>();

  private Map<String, Map<UUID, TeamAccess>> shared;
  private Set<UUID> managed;

  public synchronized Scope scope() {
    if (scope == null) {
      scope = compute();
    }
    return scope;
  }

  /**
   * The condition on alias {@code t} (id, owner_id, owner_department_id) for an owned resource:
   * within scope, or shared with the caller.
   */
  public SqlFragment condition(String resource) {
    return condition(resource, "t");
  }

  /** As {@link #condition(String)}, on the row of table alias {@code alias}. */
  public SqlFragment condition(String resource, String alias) {
    Reach reach = reach(resource);
    SqlFragment owned =
        switch (reach.scope()) {
          case ALL -> SqlFragment.TRUE;
          case SELF, SUBORDINATES -> in(alias + ".owner_id", reach.owners());
          case DEPARTMENT, DEPARTMENT_TREE ->
              in(alias + ".owner_department_id", reach.departments());
        };
    if (reach.scope() == Scope.ALL) {
      return owned;
    }
    Map<UUID, TeamAccess> mine = shared(resource);
    if (mine.isEmpty()) {
      return owned;
    }
    SqlFragment team =
        mine.size() <= INLINE_SHARED
            ? in(alias + ".id", mine.keySet())
            : new SqlFragment(
                alias
                    + ".id IN (SELECT m.record_id FROM record_team_members m WHERE m.resource = ?"
                    + " AND m.employee_id = ? AND (m.until IS NULL OR m.until >= ?))",
                List.of(resource, principal.resolve().id(), today()));
    return new SqlFragment(
        "(" + owned.sql() + " OR " + team.sql() + ")",
        java.util.stream.Stream.concat(owned.params().stream(), team.params().stream()).toList());
  }

  /** Whether the caller sees the record: within scope or shared with them. */
  public boolean sees(String resource, Owned record) {
    return access(resource, record) != RecordAccess.NONE;
  }

  /** Why the caller sees the record, if at all. */
  public RecordAccess access(String resource, Owned record) {
    if (inScope(resource, record)) {
      return RecordAccess.SCOPE;
    }
    if (record.recordId() == null) {
      // Not stored yet (checked before its first save): nobody can have been given it.
      return RecordAccess.NONE;
    }
    TeamAccess team = shared(resource).get(record.recordId());
    if (team == null) {
      return RecordAccess.NONE;
    }
    return team == TeamAccess.READ_WRITE ? RecordAccess.TEAM_WRITE : RecordAccess.TEAM_READ;
  }

  /** Whether the record's owner is within the caller's data scope (sharing aside). */
  public boolean inScope(Owned record) {
    return inScope(null, record);
  }

  /** Whether the record's owner is within the caller's scope for that resource (sharing aside). */
  public boolean inScope(String resource, Owned record) {
    Reach reach = reach(resource);
    return switch (reach.scope()) {
      case ALL -> true;
      case SELF, SUBORDINATES ->
          record.ownerId() != null && reach.owners().contains(record.ownerId());
      case DEPARTMENT, DEPARTMENT_TREE ->
          record.ownerDepartmentId() != null
              && reach.departments().contains(record.ownerDepartmentId());
    };
  }

  /**
   * The caller's reach over one resource: their scope, unless their roles have a scope of their own
   * for that resource (role_resource_scopes), e.g. the service desk reading every customer.
   */
  private Reach reach(String resource) {
    Scope general = scope();
    if (resource == null || identity.isAnonymous() || identity.hasRole(Roles.CRM_ADMIN)) {
      return new Reach(general, owners, departments);
    }
    return byResource.computeIfAbsent(
        resource,
        r -> {
          List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
          Scope widest = widest(grants.current().scopesOf(roles, r));
          return widest == general
              ? new Reach(general, owners, departments)
              : new Reach(widest, owners(widest), departments(widest));
        });
  }

  private static Scope widest(List<Scope> scopes) {
    Scope widest = Scope.SELF;
    for (Scope candidate : scopes) {
      if (candidate.ordinal() > widest.ordinal()) {
        widest = candidate;
      }
    }
    return widest;
  }

  private Set<UUID> owners(Scope scope) {
    ResolvedPrincipal me = principal.resolve();
    UUID self = me.kind() == PrincipalKind.EMPLOYEE ? me.id() : null;
    return self == null
        ? Set.of()
        : scope == Scope.SUBORDINATES ? cached.selfAndSubordinates(self) : Set.of(self);
  }

  private Set<UUID> departments(Scope scope) {
    ResolvedPrincipal me = principal.resolve();
    return me.departmentId() == null
        ? Set.of()
        : scope == Scope.DEPARTMENT_TREE
            ? cached.departmentTree(me.departmentId())
            : Set.of(me.departmentId());
  }

  /**
   * Whether the caller may see figures of a whole department (a department's sales target, its
   * totals): when their scope covers it (ALL; DEPARTMENT: their own; DEPARTMENT_TREE: theirs and
   * those below), or when they manage it or a department above it (部门负责人), whatever their scope.
   */
  public boolean coversDepartment(UUID departmentId) {
    if (departmentId == null) {
      return false;
    }
    return switch (scope()) {
          case ALL -> true;
          case DEPARTMENT, DEPARTMENT_TREE -> departments.contains(departmentId);
          case SELF, SUBORDINATES -> false;
        }
        || managedDepartments().contains(departmentId);
  }

  /** The departments the caller manages, with everything below them (empty for non-employees). */
  public synchronized Set<UUID> managedDepartments() {
    if (managed == null) {
      ResolvedPrincipal me = identity.isAnonymous() ? null : principal.resolve();
      managed =
          me != null && me.kind() == PrincipalKind.EMPLOYEE
              ? cached.managedDepartmentTrees(me.id())
              : Set.of();
    }
    return managed;
  }

  /** Today where the business runs: a membership "until" a date lasts through that day. */
  public static java.time.LocalDate today() {
    return java.time.LocalDate.now(dev.headlesscrm.platform.api.BusinessTime.ZONE);
  }

  /** The records of a resource shared with the caller (an employee), with their access. */
  private synchronized Map<UUID, TeamAccess> shared(String resource) {
    if (shared == null) {
      ResolvedPrincipal me = identity.isAnonymous() ? null : principal.resolve();
      shared =
          me != null && me.kind() == PrincipalKind.EMPLOYEE
              ? teamShares.of(me.id(), today())
              : Map.of();
    }
    return shared.getOrDefault(resource, Map.of());
  }

  private static SqlFragment in(String column, Set<UUID> ids) {
    if (ids.isEmpty()) {
      return SqlFragment.of("FALSE");
    }
    return new SqlFragment(
        column + " IN (" + String.join(", ", ids.stream().map(i -> "?").toList()) + ")",
        List.copyOf(ids));
  }

  @SuppressWarnings("unchecked")
  private Scope compute() {
    if (identity.isAnonymous()) {
      owners = Set.of();
      departments = Set.of();
      return Scope.SELF;
    }
    if (identity.hasRole(Roles.CRM_ADMIN)) {
      return Scope.ALL;
    }
    List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
    Scope widest = widest(grants.current().scopesOf(roles));
    owners = owners(widest);
    departments = departments(widest);
    return widest;
  }
}
