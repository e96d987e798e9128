package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import java.util.List;
import java.util.Locale;

/** One function permission: an action on a resource, written {@code customer:create}. */
public record Permission(String resource, Action action) {

  /** The resources function permissions are granted on. */
  public static final List<String> RESOURCES =
      List.of(
          "customer",
          "contact",
          "department",
          "employee",
          "dictionary",
          "setting",
          "lead",
          "opportunity",
          "pipeline",
          "quote",
          "contract",
          "payment-plan",
          "payment",
          "sales-order",
          "approval-flow",
          "product",
          "product-category",
          "commission-rule",
          "commission",
          "sales-target");

  public static Permission parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon > 0) {
      String resource = text.substring(0, colon);
      String action = text.substring(colon + 1).toUpperCase(Locale.ROOT);
      if (RESOURCES.contains(resource)) {
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
            "'" + text + "' is not a permission (resource:action, resources " + RESOURCES + ").",
            "'" + text + "' 不是有效的权限（资源:操作）。"));
  }

  @Override
  public String toString() {
    return resource + ":" + action.name().toLowerCase(Locale.ROOT);
  }
}
