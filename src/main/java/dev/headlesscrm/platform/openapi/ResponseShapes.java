package dev.headlesscrm.platform.openapi;

import dev.headlesscrm.platform.api.CollectionNames;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The success answers as the service really gives them, for routes whose Java method returns a
 * JAX-RS {@code Response} (which the scanner can only describe as {@code 200 {}}): creates are 201
 * with the record, {@code Location} and {@code ETag}; deletes are 204; actions on a record answer
 * the record with its new {@code ETag}; exports are files; and every write that takes an
 * Idempotency-Key says whether it was replayed.
 */
final class ResponseShapes {

  private static final Pattern CREATES = Pattern.compile("^(create|copy|revise)[A-Z]\\w*");
  private static final String JSON = "application/json";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private ResponseShapes() {}

  /** The response headers the answers refer to, declared once. */
  static void declareHeaders(Components components) {
    components.addHeader(
        "ETag",
        header(
            "The record's version as a weak entity tag (W/\"3\"): send it back as If-Match to"
                + " change the record, or as If-None-Match to read it only when it changed."));
    components.addHeader("Location", header("The URL of the record this request created."));
    components.addHeader(
        "Idempotency-Replayed",
        header(
            "true when this answer is the stored answer to an earlier request with the same"
                + " Idempotency-Key."));
    components.addHeader(
        "RateLimit",
        header(
            "Where the caller stands in the current window, per limit (IETF draft"
                + " RateLimit header fields): \"principal\";r=1187;t=42, \"client\";r=59870;t=42"
                + " (r: points left, t: seconds until the window ends). On every /api and /graphql"
                + " answer to an authenticated caller."));
    components.addHeader(
        "RateLimit-Policy",
        header(
            "The limits the caller counts against: \"principal\";q=1200;w=60,"
                + " \"client\";q=60000;w=60 (q: points per window, w: the window in seconds). A"
                + " REST call costs 1 point, a GraphQL request 1 plus 1 per 100 rows × fields."));
    components.addHeader(
        "Retry-After", header("Seconds to wait before calling again (the window's end)."));
  }

  static void shape(
      String path, PathItem.HttpMethod method, Operation operation, Components components) {
    if (!path.startsWith("/api/v1/") || operation.getResponses() == null) {
      return;
    }
    String id = operation.getOperationId() == null ? "" : operation.getOperationId();
    String record = recordSchema(path, components);
    APIResponse ok = operation.getResponses().getAPIResponse("200");
    boolean untyped = ok != null && untyped(ok);
    if (untyped && method == PathItem.HttpMethod.DELETE) {
      operation.getResponses().removeAPIResponse("200");
      operation
          .getResponses()
          .addAPIResponse("204", OASFactory.createAPIResponse().description("Done; no body"));
    } else if (untyped && id.startsWith("export")) {
      ok.description("The matching records as a file (format=csv, the default, or xlsx)")
          .content(
              OASFactory.createContent()
                  .addMediaType("text/csv", file(null))
                  .addMediaType(XLSX, file("binary")));
    } else if (untyped
        && record != null
        && method == PathItem.HttpMethod.POST
        && CREATES.matcher(id).matches()) {
      operation.getResponses().removeAPIResponse("200");
      operation
          .getResponses()
          .addAPIResponse(
              "201",
              OASFactory.createAPIResponse()
                  .description("Created; Location names the new record")
                  .content(json(record))
                  .addHeader("Location", ref("Location")));
    } else if (untyped && record != null) {
      ok.description("The record as it is now").content(json(record));
    }
    if (operation.getDescription() == null
        && record != null
        && method == PathItem.HttpMethod.POST
        && operation.getSummary() != null
        && operation.getSummary().contains(" → ")) {
      String noun = CollectionNames.words(record);
      operation.setDescription(
          "A status change of one "
              + noun
              + " ("
              + operation.getSummary()
              + "): 409 when its current status does not allow it. Answers the "
              + noun
              + " with its new ETag; the change is in its history and the change feed.");
    }
    for (String status : List.of("200", "201")) {
      APIResponse response = operation.getResponses().getAPIResponse(status);
      if (response == null) {
        continue;
      }
      if (record != null && refersTo(response, record)) {
        response.addHeader("ETag", ref("ETag"));
      }
      if (takesIdempotencyKey(method)) {
        response.addHeader("Idempotency-Replayed", ref("Idempotency-Replayed"));
      }
    }
    if (record != null
        && path.startsWith("/api/v1/" + RecordRoutes.collection(path) + "/{id}")
        && components.getSchemas().get(record).getProperties() != null
        && components.getSchemas().get(record).getProperties().containsKey("mergedIntoId")
        && !operation.getResponses().hasAPIResponse("301")) {
      // a record merged into another answers where it went instead of a bare 404
      operation
          .getResponses()
          .addAPIResponse(
              "301",
              OASFactory.createAPIResponse()
                  .description(
                      "The record was merged into another: Location and the problem's mergedInto"
                          + " name the survivor")
                  .content(
                      OASFactory.createContent()
                          .addMediaType(
                              "application/problem+json",
                              OASFactory.createMediaType()
                                  .schema(
                                      OASFactory.createSchema()
                                          .ref("#/components/schemas/Problem")))));
    }
    if (method == PathItem.HttpMethod.GET
        && operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> "If-None-Match".equals(p.getName()))
        && !operation.getResponses().hasAPIResponse("304")) {
      operation
          .getResponses()
          .addAPIResponse(
              "304",
              OASFactory.createAPIResponse()
                  .description("Not modified: If-None-Match names the current version")
                  .addHeader("ETag", ref("ETag")));
    }
  }

  /**
   * The schema of the record a path's collection holds ({@code /api/v1/sales-orders/...} →
   * SalesOrder).
   */
  private static String recordSchema(String path, Components components) {
    String singular =
        CollectionNames.singular(CollectionNames.pascal(RecordRoutes.collection(path)));
    Map<String, Schema> schemas = components.getSchemas();
    return schemas != null && schemas.containsKey(singular) ? singular : null;
  }

  private static boolean untyped(APIResponse response) {
    Content content = response.getContent();
    if (content == null || content.getMediaTypes() == null) {
      return false;
    }
    return content.getMediaTypes().values().stream()
        .anyMatch(m -> m.getSchema() == null || isEmpty(m.getSchema()));
  }

  private static boolean isEmpty(Schema schema) {
    return schema.getRef() == null
        && schema.getType() == null
        && schema.getProperties() == null
        && schema.getItems() == null
        && schema.getAllOf() == null
        && schema.getOneOf() == null
        && schema.getAnyOf() == null;
  }

  private static boolean refersTo(APIResponse response, String record) {
    Content content = response.getContent();
    if (content == null || content.getMediaTypes() == null) {
      return false;
    }
    MediaType json = content.getMediaTypes().get(JSON);
    return json != null
        && json.getSchema() != null
        && ("#/components/schemas/" + record).equals(json.getSchema().getRef());
  }

  /** As platform/idempotency's filter documents the key: every POST, PUT and PATCH takes one. */
  private static boolean takesIdempotencyKey(PathItem.HttpMethod method) {
    return method == PathItem.HttpMethod.POST
        || method == PathItem.HttpMethod.PUT
        || method == PathItem.HttpMethod.PATCH;
  }

  private static Content json(String record) {
    return OASFactory.createContent()
        .addMediaType(
            JSON,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + record)));
  }

  private static MediaType file(String format) {
    Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    if (format != null) {
      schema.format(format);
    }
    return OASFactory.createMediaType().schema(schema);
  }

  private static Header header(String description) {
    return OASFactory.createHeader()
        .description(description)
        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
  }

  private static Header ref(String name) {
    return OASFactory.createHeader().ref("#/components/headers/" + name);
  }
}
