package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.query.SqlFragment;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The caller's data scope, computed once per request from the stored role scopes and the
 * organisation: the widest scope of the caller's roles decides which owners' records are visible.
 * Records outside it do not exist for the caller (404, never 403).
 */
@RequestScoped
public class DataScope {

  @Inject SecurityIdentity identity;
  @Inject CurrentPrincipal principal;
  @Inject OrgDirectory org;
  @Inject EntityManager em;

  private Scope scope;
  private Set<UUID> owners;
  private Set<UUID> departments;

  public Scope scope() {
    if (scope == null) {
      scope = compute();
    }
    return scope;
  }

  /** The condition on alias {@code t} (owner_id, owner_department_id) for owned resources. */
  public SqlFragment condition() {
    return switch (scope()) {
      case ALL -> SqlFragment.TRUE;
      case SELF, SUBORDINATES -> in("t.owner_id", owners);
      case DEPARTMENT, DEPARTMENT_TREE -> in("t.owner_department_id", departments);
    };
  }

  public boolean sees(Owned record) {
    return switch (scope()) {
      case ALL -> true;
      case SELF, SUBORDINATES -> record.ownerId() != null && owners.contains(record.ownerId());
      case DEPARTMENT, DEPARTMENT_TREE ->
          record.ownerDepartmentId() != null && departments.contains(record.ownerDepartmentId());
    };
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
    if (!roles.isEmpty()) {
      List<String> scopes =
          em.createNativeQuery("SELECT scope FROM role_scopes WHERE role IN (?1)", String.class)
              .setParameter(1, roles)
              .getResultList();
      for (String s : scopes) {
        Scope candidate = Scope.valueOf(s);
        if (candidate.ordinal() > widest.ordinal()) {
          widest = candidate;
        }
      }
    }
    ResolvedPrincipal me = principal.resolve();
    UUID self = me.kind() == PrincipalKind.EMPLOYEE ? me.id() : null;
    owners =
        self == null
            ? Set.of()
            : widest == Scope.SUBORDINATES ? org.selfAndSubordinates(self) : Set.of(self);
    departments =
        me.departmentId() == null
            ? Set.of()
            : widest == Scope.DEPARTMENT_TREE
                ? org.departmentTree(me.departmentId())
                : Set.of(me.departmentId());
    return widest;
  }
}
