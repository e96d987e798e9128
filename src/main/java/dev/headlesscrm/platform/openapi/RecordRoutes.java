package dev.headlesscrm.platform.openapi;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The routes every resource inherits from {@code RecordResource} are written once, so their Java
 * method names (list, get, create...) repeat. Here each gets its resource's stable operationId
 * ({@code listCustomers}, {@code getCustomer}, {@code upsertCustomer}...), a summary, and its
 * resource's schemas in place of the generic JSON ones.
 */
final class RecordRoutes {

  static final Set<String> INHERITED =
      Set.of(
          "list",
          "search",
          "export",
          "get",
          "create",
          "update",
          "upsert",
          "delete",
          "restore",
          "history",
          "batch",
          "team",
          "share",
          "unshare",
          "transfer",
          "transferAll");

  private RecordRoutes() {}

  /** {@code /api/v1/sales-orders/{id}} → {@code sales-orders}. */
  static String collection(String path) {
    String rest = path.substring("/api/v1/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  static void describe(String path, Operation operation, Components components) {
    String method = operation.getOperationId();
    if (method == null || !INHERITED.contains(method)) {
      return;
    }
    String plural = pascal(collection(path));
    String singular = singular(plural);
    String noun = words(singular);
    String nouns = words(plural);
    Map<String, String[]> names =
        Map.ofEntries(
            Map.entry(
                "list",
                new String[] {
                  "list" + plural,
                  "List " + nouns + ": filter, q, sort, keyset paging, fields, expand"
                }),
            Map.entry(
                "search",
                new String[] {
                  "search" + plural, "List " + nouns + " with the parameters in a JSON body"
                }),
            Map.entry(
                "export",
                new String[] {
                  "export" + plural,
                  "Stream every " + noun + " matching the list parameters as CSV or XLSX"
                }),
            Map.entry(
                "get",
                new String[] {
                  "get" + singular, "Get a " + noun + " (ETag; If-None-Match answers 304)"
                }),
            Map.entry("create", new String[] {"create" + singular, "Create a " + noun}),
            Map.entry(
                "update",
                new String[] {
                  "update" + singular,
                  "Change a " + noun + " with a JSON Merge Patch (If-Match honoured)"
                }),
            Map.entry(
                "upsert",
                new String[] {
                  "upsert" + singular, "Create or update the " + noun + " with this external id"
                }),
            Map.entry(
                "delete",
                new String[] {
                  "delete" + singular, "Delete a " + noun + " (soft; ?permanent=true erases)"
                }),
            Map.entry(
                "restore",
                new String[] {"restore" + singular, "Undo the soft delete of a " + noun}),
            Map.entry(
                "history",
                new String[] {
                  "get" + singular + "History",
                  "A " + noun + "'s field-level change history, newest first"
                }),
            Map.entry(
                "team",
                new String[] {
                  "list" + singular + "TeamMembers",
                  "The " + noun + "'s team members (团队成员) and their access"
                }),
            Map.entry(
                "share",
                new String[] {
                  "add" + singular + "TeamMember",
                  "Share the " + noun + " with an employee, read-only or read-write"
                }),
            Map.entry(
                "unshare",
                new String[] {
                  "remove" + singular + "TeamMember",
                  "Stop sharing the " + noun + " with an employee"
                }),
            Map.entry(
                "transfer",
                new String[] {
                  "transfer" + singular,
                  "Give the " + noun + " to another owner (转移), optionally with related records"
                }),
            Map.entry(
                "transferAll",
                new String[] {
                  "transfer" + plural,
                  "Give up to 1,000 " + nouns + " to another owner, each on its own"
                }),
            Map.entry(
                "batch",
                new String[] {
                  "batch" + plural, "Up to 1,000 creates, updates, upserts and deletes of " + nouns
                }));
    String[] name = names.get(method);
    operation.setOperationId(name[0]);
    if (operation.getSummary() == null) {
      operation.setSummary(name[1]);
    }
    Map<String, Schema> schemas = components.getSchemas();
    String input = singular + "Input";
    if (schemas != null
        && schemas.containsKey(input)
        && operation.getRequestBody() != null
        && Set.of("create", "update", "upsert").contains(method)) {
      operation
          .getRequestBody()
          .getContent()
          .getMediaTypes()
          .values()
          .forEach(m -> m.setSchema(ref(input)));
    }
    if (schemas != null && schemas.containsKey(singular)) {
      String status = method.equals("create") ? "201" : "200";
      APIResponse ok = operation.getResponses().getAPIResponse(status);
      if (Set.of("get", "create", "update", "upsert", "restore").contains(method)) {
        setJson(ok, ref(singular), status.equals("201") ? "Created; Location and ETag set" : "OK");
        if (method.equals("upsert")) {
          setJson(
              operation.getResponses().getAPIResponse("201") == null
                  ? addResponse(operation, "201")
                  : operation.getResponses().getAPIResponse("201"),
              ref(singular),
              "Created; Location and ETag set");
        }
      } else if (Set.of("list", "search").contains(method)) {
        Schema page =
            OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty(
                    "data",
                    OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(ref(singular)))
                .addProperty("page", ref("PageInfo"));
        setJson(ok, page, "One page; pass page.nextCursor as cursor to read on");
      }
    }
  }

  private static APIResponse addResponse(Operation operation, String status) {
    APIResponse response = OASFactory.createAPIResponse();
    operation.getResponses().addAPIResponse(status, response);
    return response;
  }

  private static void setJson(APIResponse response, Schema schema, String description) {
    if (response == null) {
      return;
    }
    response.setDescription(description);
    MediaType json = OASFactory.createMediaType().schema(schema);
    Content content = OASFactory.createContent().addMediaType("application/json", json);
    response.setContent(content);
  }

  private static Schema ref(String name) {
    return OASFactory.createSchema().ref("#/components/schemas/" + name);
  }

  /** {@code sales-orders} → {@code SalesOrders}. */
  static String pascal(String kebab) {
    StringBuilder out = new StringBuilder();
    for (String part : kebab.split("-")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** English plurals of this API's collections. */
  static String singular(String plural) {
    if (plural.endsWith("ies")) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    if (plural.endsWith("sses") || plural.endsWith("shes") || plural.endsWith("ches")) {
      return plural.substring(0, plural.length() - 2);
    }
    return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
  }

  /** {@code SalesOrder} → {@code sales order}. */
  static String words(String pascal) {
    return pascal.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }
}
