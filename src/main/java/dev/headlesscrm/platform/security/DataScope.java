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
  private Map<String, Map<UUID, TeamAccess>> shared;
  private Set<UUID> managed;

  public Scope scope() {
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
    SqlFragment owned =
        switch (scope()) {
          case ALL -> SqlFragment.TRUE;
          case SELF, SUBORDINATES -> in(alias + ".owner_id", owners);
          case DEPARTMENT, DEPARTMENT_TREE -> in(alias + ".owner_department_id", departments);
        };
    if (scope == Scope.ALL) {
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
    if (inScope(record)) {
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
    return switch (scope()) {
      case ALL -> true;
      case SELF, SUBORDINATES -> record.ownerId() != null && owners.contains(record.ownerId());
      case DEPARTMENT, DEPARTMENT_TREE ->
          record.ownerDepartmentId() != null && departments.contains(record.ownerDepartmentId());
    };
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
  public Set<UUID> managedDepartments() {
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
  private Map<UUID, TeamAccess> shared(String resource) {
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
    Scope widest = Scope.SELF;
    for (Scope candidate : grants.current().scopesOf(roles)) {
      if (candidate.ordinal() > widest.ordinal()) {
        widest = candidate;
      }
    }
    ResolvedPrincipal me = principal.resolve();
    UUID self = me.kind() == PrincipalKind.EMPLOYEE ? me.id() : null;
    owners =
        self == null
            ? Set.of()
            : widest == Scope.SUBORDINATES ? cached.selfAndSubordinates(self) : Set.of(self);
    departments =
        me.departmentId() == null
            ? Set.of()
            : widest == Scope.DEPARTMENT_TREE
                ? cached.departmentTree(me.departmentId())
                : Set.of(me.departmentId());
    return widest;
  }
}
