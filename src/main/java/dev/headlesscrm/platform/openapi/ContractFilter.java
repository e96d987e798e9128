package dev.headlesscrm.platform.openapi;

import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.util.TypeLiteral;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Adds what every operation shares, once: the Keycloak security schemes (bearer JWT; OAuth2
 * authorization code with PKCE for apps, client credentials for integrations) and the RFC 9457
 * problem responses each kind of operation can answer.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ContractFilter implements OASFilter {

  private static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final String URI_TOO_LONG = "UriTooLong";
  private static final String RATE_LIMITED = "RateLimited";
  private static final String HEADERS_TOO_LARGE = "HeaderFieldsTooLarge";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    String realm =
        ConfigProvider.getConfig()
            .getOptionalValue("crm.openapi.realm-url", String.class)
            .orElse("http://127.0.0.1:8180/realms/crm");
    String endpoints = realm + "/protocol/openid-connect";
    openApi
        .getComponents()
        .addSecurityScheme(
            "bearer",
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token from Keycloak realm crm with audience crm-api."))
        .addSecurityScheme(
            "keycloak",
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description(
                    "crm-web: authorization code with PKCE (apps); crm-integration: client"
                        + " credentials (integrations).")
                .flows(
                    OASFactory.createOAuthFlows()
                        .authorizationCode(
                            flow(endpoints)
                                .authorizationUrl(endpoints + "/auth")
                                .tokenUrl(endpoints + "/token"))
                        .clientCredentials(flow(endpoints).tokenUrl(endpoints + "/token"))));
    ResponseShapes.declareHeaders(openApi.getComponents());
    openApi
        .getComponents()
        .addResponse(
            URI_TOO_LONG,
            problem(
                "The URL is over the limit (crm.http.max-initial-line-length, 48 KiB; a"
                    + " 4000-character filter fits even in Chinese, percent-encoded); send longer"
                    + " filters in the JSON body of POST .../search"))
        .addResponse(
            HEADERS_TOO_LARGE,
            problem("The request headers are over the limit (crm.http.max-header-size, 32 KiB)"))
        .addResponse(RATE_LIMITED, rateLimited());
    withoutExternalIds()
        .forEach(c -> openApi.getPaths().removePathItem(c + "/external/{externalId}"));
    Map<String, dev.headlesscrm.platform.query.ResourceSpec> specs = Parameters.byPath();
    openApi
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/api/v1/")) {
                item.getOperations()
                    .values()
                    .forEach(op -> Parameters.describe(path, op, Parameters.specOf(path, specs)));
                item.getOperations()
                    .values()
                    .forEach(op -> RecordRoutes.describe(path, op, openApi.getComponents()));
                item.getOperations()
                    .forEach(
                        (method, op) -> {
                          ResponseShapes.shape(path, method, op, openApi.getComponents());
                          Examples.add(method, op, openApi.getComponents());
                        });
              }
              decorate(path, item, openApi.getComponents());
            });
    // The generic page of the inherited list routes; every list now names its resource's page.
    openApi.getComponents().removeSchema("PageJsonNode");
    Reachable.pruneSchemas(openApi);
  }

  private static OAuthFlow flow(String endpoints) {
    return OASFactory.createOAuthFlow().refreshUrl(endpoints + "/token").scopes(Map.of());
  }

  private void decorate(String path, PathItem item, Components components) {
    if (!path.startsWith("/api/")) {
      return;
    }
    boolean single = path.contains("{");
    item.getOperations()
        .forEach(
            (method, operation) -> {
              operation.setSecurity(
                  List.of(
                      OASFactory.createSecurityRequirement().addScheme("bearer"),
                      OASFactory.createSecurityRequirement().addScheme("keycloak")));
              if (method == PathItem.HttpMethod.POST && isGuardedAction(path)) {
                declareIfMatch(operation);
                addProblem(
                    components,
                    operation,
                    "412",
                    "If-Match names a stale version of the record; nothing was changed");
              }
              for (Map.Entry<String, String> r : problems(method, single).entrySet()) {
                addProblem(components, operation, r.getKey(), r.getValue());
              }
              // Shared responses: every operation can meet them, none says more about them.
              operation
                  .getResponses()
                  .addAPIResponse("414", OASFactory.createAPIResponse().ref(URI_TOO_LONG))
                  .addAPIResponse("431", OASFactory.createAPIResponse().ref(HEADERS_TOO_LARGE));
              if (!path.equals("/api/v1/me/limits")) {
                operation
                    .getResponses()
                    .addAPIResponse("429", OASFactory.createAPIResponse().ref(RATE_LIMITED));
              }
              if (operation.getRequestBody() != null) {
                addProblem(
                    components,
                    operation,
                    "413",
                    "The body is over the size limit (quarkus.http.limits.max-body-size, 10 MB by"
                        + " default); nothing was read or changed");
                addProblem(
                    components,
                    operation,
                    "415",
                    "The body's Content-Type is not one this operation takes (application/json;"
                        + " PATCH also application/merge-patch+json)");
              }
            });
  }

  /**
   * The domain actions on one record ({@code POST …/{id}/<action>}): each locks the record, moves
   * its version and honours If-Match (RecordService.forUpdate). Restore, copy and merge are not
   * changes of the record they name in that sense, and approvals are decided on their own records.
   */
  static boolean isGuardedAction(String path) {
    return path.matches("/api/v1/[a-z-]+/\\{id}/[a-z-]+")
        && !path.matches(".*/(restore|copy|merge)")
        && !path.startsWith("/api/v1/approvals/");
  }

  private static void declareIfMatch(Operation operation) {
    boolean declared =
        operation.getParameters() != null
            && operation.getParameters().stream()
                .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
    if (!declared) {
      operation.addParameter(
          OASFactory.createParameter()
              .name("If-Match")
              .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
              .required(false)
              .description(
                  "The ETag of the version the action is based on (W/\"3\"); a stale one answers"
                      + " 412 and changes nothing. Without it the action still cannot lose a"
                      + " concurrent change: the record is locked and its version moves.")
              .schema(
                  OASFactory.createSchema()
                      .type(
                          List.of(
                              org.eclipse.microprofile.openapi.models.media.Schema.SchemaType
                                  .STRING))));
    }
  }

  /** The problem responses an operation of this kind can answer, by status. */
  static Map<String, String> problems(PathItem.HttpMethod method, boolean single) {
    Map<String, String> responses = new LinkedHashMap<>();
    responses.put(
        "400",
        "Malformed request (a parameter not of its type, a bad filter or cursor, JSON that does"
            + " not parse or names a key twice); errors[].field names the parameter or key");
    responses.put("401", "No valid bearer token");
    responses.put("403", "Not permitted");
    if (single) {
      responses.put("404", "No such record, or not visible to the caller");
    }
    switch (method) {
      case POST, PUT, PATCH -> {
        responses.put("409", "Conflicts with the current state (e.g. a unique key)");
        responses.put(
            "422",
            "Validation failed (text that is not valid Unicode or holds control characters"
                + " included); every failing field is listed");
      }
      case DELETE -> responses.put("409", "Still in use by other records");
      default -> {}
    }
    if (single && (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE)) {
      responses.put("412", "If-Match names a stale version");
      responses.put("428", "If-Match is required (crm.api.require-if-match)");
    }
    responses.put("500", "Unexpected failure; quote the traceId");
    responses.put(
        "503",
        "The database is unreachable, or the service is at capacity (no connection freed up in"
            + " time, too many exports): retry after Retry-After");
    return responses;
  }

  /**
   * Declares a problem answer the operation can give, unless it declares that status itself: as a
   * reference to one shared response per meaning (components.responses), so that the thousands of
   * operations do not each repeat the same text (the document stays under the 3 MiB that common
   * YAML readers accept by default).
   */
  private static void addProblem(
      Components components, Operation operation, String status, String description) {
    if (operation.getResponses().hasAPIResponse(status)) {
      return;
    }
    String name = sharedName(status, description);
    if (components.getResponses() == null || !components.getResponses().containsKey(name)) {
      components.addResponse(name, problem(description));
    }
    operation
        .getResponses()
        .addAPIResponse(
            status, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
  }

  /** The shared response's name for a problem status and its wording. */
  static String sharedName(String status, String description) {
    return switch (status) {
      case "400" -> "BadRequest";
      case "401" -> "Unauthorized";
      case "403" -> "Forbidden";
      case "404" -> "NotFound";
      case "409" -> description.startsWith("Still in use") ? "InUse" : "Conflict";
      case "412" -> description.contains("nothing was changed") ? "StaleAction" : "StaleVersion";
      case "413" -> "PayloadTooLarge";
      case "415" -> "UnsupportedMediaType";
      case "422" -> "ValidationFailed";
      case "428" -> "IfMatchRequired";
      case "500" -> "InternalError";
      case "503" -> "Unavailable";
      default -> "Problem" + status;
    };
  }

  private static APIResponse rateLimited() {
    APIResponse response =
        problem(
            "Over the caller's or the client's points per window (crm.rate-limits.*); nothing"
                + " ran. Retry after Retry-After; GET /api/v1/me/limits says where you stand.");
    for (String header : List.of("Retry-After", "RateLimit", "RateLimit-Policy")) {
      response.addHeader(header, OASFactory.createHeader().ref("#/components/headers/" + header));
    }
    return response;
  }

  private static APIResponse problem(String description) {
    Schema problem = OASFactory.createSchema().ref(PROBLEM_REF);
    MediaType mediaType = OASFactory.createMediaType().schema(problem);
    Content content =
        OASFactory.createContent().addMediaType("application/problem+json", mediaType);
    return OASFactory.createAPIResponse().description(description).content(content);
  }

  /**
   * The collections whose records carry no external id: their inherited upsert route only ever
   * answers 400, so the contract leaves it out (and GraphQL derives no upsert for them).
   */
  private static List<String> withoutExternalIds() {
    if (Arc.container() == null || !Arc.container().isRunning()) {
      return List.of();
    }
    return Arc.container().select(new TypeLiteral<ReadOnlyRecordResource<?>>() {}).stream()
        .map(ReadOnlyRecordResource::route)
        .filter(r -> r.path() != null && r.input() != null && !r.service().externalIds())
        .map(ReadOnlyRecordResource.Route::path)
        .toList();
  }
}
