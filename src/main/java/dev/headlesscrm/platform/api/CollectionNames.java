package dev.headlesscrm.platform.api;

import java.util.Locale;

/**
 * The names a collection's path gives its operations on both faces: {@code sales-orders} → {@code
 * listSalesOrders} (REST operationId) and {@code salesOrders} (GraphQL query).
 */
public final class CollectionNames {

  private CollectionNames() {}

  /** {@code sales-orders} → {@code SalesOrders}. */
  public static String pascal(String kebab) {
    StringBuilder out = new StringBuilder();
    for (String part : kebab.split("-")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** English plurals of this API's collections. */
  public static String singular(String plural) {
    if (plural.endsWith("Goods")) {
      // Uncountable: one record of goods (商品) is a goods item.
      return plural + "Item";
    }
    if (plural.endsWith("ies")) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    if (plural.endsWith("sses") || plural.endsWith("shes") || plural.endsWith("ches")) {
      return plural.substring(0, plural.length() - 2);
    }
    return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
  }

  /** {@code SalesOrder} → {@code sales order}. */
  public static String words(String pascal) {
    return pascal.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /** {@code SalesOrders} → {@code salesOrders}. */
  public static String camel(String pascal) {
    return pascal.isEmpty()
        ? pascal
        : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  /** {@code /api/v1/sales-orders/{id}} → {@code sales-orders}. */
  public static String collection(String path) {
    String rest = path.substring(path.indexOf("/api/v1/") + "/api/v1/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
