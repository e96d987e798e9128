package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Function permissions, decided in one place for every resource and action and called by the
 * application services (so REST, GraphQL, batch and export agree). What each role may do is stored
 * (table role_permissions, edited through /api/v1/roles); crm-admin may do everything.
 */
@ApplicationScoped
public class AccessPolicy {

  @Inject SecurityIdentity identity;
  @Inject CallerPermissions permissions;

  public void require(String resource, Action action) {
    if (!allowed(resource, action)) {
      throw CrmException.forbidden(
          Text.of(
              "You may not " + action.name().toLowerCase() + " " + resource + " records.",
              "您没有对" + resource + "执行 " + action.name().toLowerCase() + " 的权限。"));
    }
  }

  public boolean allowed(String resource, Action action) {
    return !identity.isAnonymous() && permissions.has(resource, action);
  }
}
