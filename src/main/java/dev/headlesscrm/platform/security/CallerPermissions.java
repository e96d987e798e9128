package dev.headlesscrm.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The caller's function permissions, read from the database once per request: an administrator's
 * change applies from the next request on, on every replica, with no cache to invalidate; a batch
 * of 1,000 operations reads them once.
 */
@RequestScoped
public class CallerPermissions {

  @Inject SecurityIdentity identity;
  @Inject EntityManager em;
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

  @SuppressWarnings("unchecked")
  private Set<String> granted() {
    if (granted == null) {
      List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
      granted = new HashSet<>();
      if (!roles.isEmpty()) {
        List<String> rows =
            em.createNativeQuery(
                    "SELECT resource || ':' || action FROM role_permissions WHERE role IN (?1)",
                    String.class)
                .setParameter(1, roles)
                .getResultList();
        granted.addAll(rows);
      }
    }
    return granted;
  }
}
