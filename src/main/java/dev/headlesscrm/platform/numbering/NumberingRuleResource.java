package dev.headlesscrm.platform.numbering;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.platform.api.ETags;
import dev.headlesscrm.platform.api.MediaTypes;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.RestResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/numbering-rules")
@Tag(name = "Numbering")
@Produces(MediaType.APPLICATION_JSON)
public class NumberingRuleResource {

  @Inject NumberingRuleService service;

  @GET
  @Operation(
      operationId = "listNumberingRules",
      description =
          "The rules that issue record numbers (customer, opportunity, quote, contract, order...): pattern, reset policy and the next sequence.",
      summary = "List numbering rules (keyset paging)")
  public Page<NumberingRuleView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return service.list(PageRequest.of(limit, cursor));
  }

  @GET
  @Path("{key}")
  @Operation(
      operationId = "getNumberingRule",
      description =
          "One numbering rule with its pattern, reset policy and current sequence (ETag).",
      summary = "Get a numbering rule")
  @APIResponse(
      responseCode = "200",
      description = "The rule, with its ETag",
      content = @Content(schema = @Schema(implementation = NumberingRuleView.class)))
  public Response get(
      @PathParam("key") String key, @HeaderParam(RestResponses.IF_NONE_MATCH) String ifNoneMatch) {
    return tagged(service.get(key), ifNoneMatch);
  }

  @PATCH
  @Path("{key}")
  @Consumes({MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateNumberingRule",
      description =
          "Changes a rule's name, pattern or reset policy (administrators). Numbers already issued stay; the next number follows the new pattern. If-Match guards against concurrent edits.",
      summary = "Change a rule's pattern or reset policy with a JSON Merge Patch (administrators)")
  @APIResponse(
      responseCode = "200",
      description = "The changed rule, with its new ETag",
      content = @Content(schema = @Schema(implementation = NumberingRuleView.class)))
  public Response update(
      @PathParam("key") String key,
      @HeaderParam(RestResponses.IF_MATCH) String ifMatch,
      @Schema(implementation = NumberingRuleInput.class) JsonNode patch) {
    return tagged(service.update(key, ETags.expectedVersion(ifMatch), patch), null);
  }

  @POST
  @Path("{key}/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "previewNumberingRule",
      description =
          "The number the rule would issue next, optionally under a proposed pattern or reset policy, without consuming a number.",
      summary = "The number a rule would issue next, optionally with a proposed pattern or reset")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = NumberingRuleInput.class)))
  @APIResponse(
      responseCode = "200",
      description = "The next number; nothing is used up",
      content = @Content(schema = @Schema(implementation = NumberPreview.class)))
  public NumberPreview preview(@PathParam("key") String key, JsonNode proposal) {
    return service.preview(key, proposal);
  }

  /**
   * What {@code RestResponses.read} does for records with a UUID: the ETag, or 304 when {@code
   * If-None-Match} names this version. Rules are named by key, and a view implementing {@code
   * Versioned} would be pulled into the GraphQL schema (SmallRye adds every implementation of an
   * interface its types use), so the view stays a plain record.
   */
  private static Response tagged(NumberingRuleView view, String ifNoneMatch) {
    EntityTag tag = new EntityTag(String.valueOf(view.version()), true);
    if (ETags.matchesNone(ifNoneMatch, view.version())) {
      return Response.notModified(tag).build();
    }
    return Response.ok(view).tag(tag).build();
  }
}
