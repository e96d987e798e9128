package dev.headlesscrm.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The caller's function permissions, from the roles' grants each pod holds ({@link RoleGrants}): no
 * statement per request; an administrator's change applies on every replica within a fraction of a
 * second.
 */
@RequestScoped
public class CallerPermissions {

  @Inject SecurityIdentity identity;
  @Inject RoleGrants grants;
  @Inject PermissionCatalogue catalogue;

  private Set<String> granted;

  public boolean isAdmin() {
    return !identity.isAnonymous() && identity.hasRole(Roles.CRM_ADMIN);
  }

  public boolean has(String resource, Action action) {
    return isAdmin() || granted().contains(resource + ":" + action.name());
  }

  /** Every permission the caller has, as {@code resource:action}. */
  public Set<String> all() {
    Set<String> out = new java.util.TreeSet<>();
    for (String resource : catalogue.resources()) {
      for (Action action : Action.values()) {
        if (has(resource, action)) {
          out.add(new Permission(resource, action).toString());
        }
      }
    }
    return out;
  }

  private Set<String> granted() {
    if (granted == null) {
      granted =
          grants.current().permissionsOf(Roles.ALL.stream().filter(identity::hasRole).toList());
    }
    return granted;
  }
}
