package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/**
 * Function permissions, decided in one place for every resource and action, called by the
 * application services (so REST, GraphQL, batch and export agree). Reading is open to every
 * authenticated principal; writes follow the default grants below; erasing needs crm-admin.
 */
@ApplicationScoped
public class AccessPolicy {

  /** Who may write each resource (besides crm-admin, who may do everything). */
  private static final Map<String, Set<String>> WRITERS =
      Map.of(
          "customer",
              Set.of(Roles.SALES_MANAGER, Roles.SALES_REP, Roles.INTEGRATION, Roles.MARKETING),
          "contact",
              Set.of(
                  Roles.SALES_MANAGER,
                  Roles.SALES_REP,
                  Roles.INTEGRATION,
                  Roles.MARKETING,
                  Roles.SERVICE_AGENT,
                  Roles.SERVICE_MANAGER));

  private static final Set<Action> ADMIN_ONLY = Set.of(Action.ERASE);

  @Inject SecurityIdentity identity;

  public void require(String resource, Action action) {
    if (!allowed(resource, action)) {
      throw CrmException.forbidden(
          Text.of(
              "You may not " + action.name().toLowerCase() + " " + resource + " records.",
              "您没有对" + resource + "执行 " + action.name().toLowerCase() + " 的权限。"));
    }
  }

  public boolean allowed(String resource, Action action) {
    if (identity.isAnonymous()) {
      return false;
    }
    if (identity.hasRole(Roles.CRM_ADMIN)) {
      return true;
    }
    if (action == Action.READ || action == Action.EXPORT) {
      return true;
    }
    if (ADMIN_ONLY.contains(action)) {
      return false;
    }
    return WRITERS.getOrDefault(resource, Set.of()).stream().anyMatch(identity::hasRole);
  }
}
