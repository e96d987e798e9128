package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import java.util.Locale;

/** One function permission: an action on a resource, written {@code customer:create}. */
public record Permission(String resource, Action action) {

  /** Parses {@code resource:action} against the known resources (see PermissionCatalogue). */
  static Permission parse(String text, java.util.Collection<String> resources) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon > 0) {
      String resource = text.substring(0, colon);
      String action = text.substring(colon + 1).toUpperCase(Locale.ROOT);
      if (resources.contains(resource)) {
        for (Action a : Action.values()) {
          if (a.name().equals(action)) {
            return new Permission(resource, a);
          }
        }
      }
    }
    throw CrmException.invalidField(
        "permissions",
        "unknown-permission",
        Text.of(
            "'" + text + "' is not a permission (resource:action, resources " + resources + ").",
            "'" + text + "' 不是有效的权限（资源:操作）。"));
  }

  @Override
  public String toString() {
    return resource + ":" + action.name().toLowerCase(Locale.ROOT);
  }
}
