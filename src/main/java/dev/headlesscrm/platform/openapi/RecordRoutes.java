package dev.headlesscrm.platform.openapi;

import dev.headlesscrm.platform.api.CollectionNames;
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
    String plural = CollectionNames.pascal(collection(path));
    String singular = CollectionNames.singular(plural);
    String noun = CollectionNames.words(singular);
    String nouns = CollectionNames.words(plural);
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
    if (operation.getDescription() == null) {
      operation.setDescription(description(method, noun, nouns));
    }
    Map<String, Schema> schemas = components.getSchemas();
    String input = singular + "Input";
    if (schemas != null
        && schemas.containsKey(input)
        && operation.getRequestBody() != null
        && Set.of("create", "update", "upsert").contains(method)) {
      String body = method.equals("update") ? patchSchema(components, singular, input) : input;
      operation
          .getRequestBody()
          .getContent()
          .getMediaTypes()
          .values()
          .forEach(m -> m.setSchema(ref(body)));
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

  /** What each inherited route does, in the terms of API.md, for its resource. */
  static String description(String method, String noun, String nouns) {
    return switch (method) {
      case "list" ->
          "The "
              + nouns
              + " the caller may see (data scope and team), in the order sort names (id breaks"
              + " ties). filter uses the filter language of API.md §2 over the filterable"
              + " fields (GET /api/v1/metadata/{resource}); q searches the searchable text; fields"
              + " and expand shape each item; count=true adds page.total. Page on with"
              + " page.nextCursor.";
      case "search" ->
          "The list of "
              + nouns
              + " with its parameters in a JSON body, for filters too long for a URL. Same"
              + " answer and paging as the GET list.";
      case "export" ->
          "Every "
              + noun
              + " the list parameters match, streamed as CSV (UTF-8 with BOM) or XLSX, with the"
              + " caller's field permissions applied. Not paged.";
      case "get" ->
          "One "
              + noun
              + " with its version as its ETag (W/\"<version>\"); If-None-Match with that ETag answers 304."
              + " Fields the caller may not see are left out. 404 also when the record exists but"
              + " is outside the caller's data scope.";
      case "create" ->
          "Creates a "
              + noun
              + " and answers 201 with the record, its Location and its ETag. With an"
              + " Idempotency-Key a retry of the same body answers the first result again"
              + " (Idempotency-Replayed: true); the same key with another body is 422.";
      case "update" ->
          "Applies a JSON Merge Patch (RFC 7396): fields given change, null clears, fields left"
              + " out stay. If-Match with the ETag you read guards against lost updates (412 when"
              + " stale). Answers the changed "
              + noun
              + " with its new ETag.";
      case "upsert" ->
          "Creates the "
              + noun
              + " with this external id (201) or merge-patches the one that has it (200): the"
              + " call an ERP sync retries safely.";
      case "delete" ->
          "Soft-deletes the "
              + noun
              + " (204): it leaves lists and reads but can be restored; its relations follow their"
              + " delete policy (restrict answers 409, cascade and detach are recorded in"
              + " history). ?permanent=true erases it (administrators).";
      case "restore" -> "Undoes a soft delete; the " + noun + " comes back with a new version.";
      case "history" ->
          "The "
              + noun
              + "'s change history, newest first: who changed which field from what"
              + " to what, at which version.";
      case "team" -> "The employees the " + noun + " is shared with (团队成员), with their access.";
      case "share" ->
          "Shares the "
              + noun
              + " with an employee, read-only or read-write, optionally until a date; only the"
              + " owner or someone above them may share.";
      case "unshare" -> "Ends the sharing of the " + noun + " with one employee.";
      case "transfer" ->
          "Gives the "
              + noun
              + " to another active employee; carry names related records that move with it, and"
              + " the previous owner may stay on the team. Recorded as a transfer in history and"
              + " events.";
      case "transferAll" ->
          "Transfers up to 1,000 "
              + nouns
              + " to one owner; each item succeeds or fails on its own, with a result per item.";
      case "batch" ->
          "Up to 1,000 creates, updates, upserts and deletes of "
              + nouns
              + ", each in its own transaction with its own result (atomic=true: all or none).";
      default -> null;
    };
  }

  /**
   * A merge patch names only what changes, so its schema is the input's fields with none required:
   * a generated client then leaves out what it does not set instead of sending nulls (which a merge
   * patch reads as "clear").
   */
  private static String patchSchema(Components components, String singular, String input) {
    String name = singular + "Patch";
    if (!components.getSchemas().containsKey(name)) {
      Schema full = components.getSchemas().get(input);
      components.addSchema(
          name,
          OASFactory.createSchema()
              .addType(Schema.SchemaType.OBJECT)
              .description(
                  "A JSON Merge Patch of a "
                      + CollectionNames.words(singular)
                      + ": the fields of "
                      + input
                      + ", none required; a field given changes, null clears it, a field left"
                      + " out stays.")
              .properties(full.getProperties()));
    }
    return name;
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
}
