package dev.headlesscrm.admin.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.admin.application.DepartmentInput;
import dev.headlesscrm.admin.application.DepartmentService;
import dev.headlesscrm.admin.application.DepartmentView;
import dev.headlesscrm.platform.api.ETags;
import dev.headlesscrm.platform.api.MediaTypes;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.audit.HistoryEntryView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/departments")
@Tag(name = "Organisation")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

  @Inject DepartmentService service;

  @GET
  @Operation(operationId = "listDepartments", summary = "List departments (keyset paging)")
  public Page<DepartmentView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return service.list(PageRequest.of(limit, cursor));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getDepartment", summary = "Get a department")
  @APIResponse(
      responseCode = "200",
      description = "The department, with its ETag",
      content = @Content(schema = @Schema(implementation = DepartmentView.class)))
  public Response get(
      @PathParam("id") UUID id, @HeaderParam(RestResponses.IF_NONE_MATCH) String ifNoneMatch) {
    return RestResponses.read(service.get(id), ifNoneMatch);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createDepartment", summary = "Create a department (administrators)")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location and ETag are set",
      content = @Content(schema = @Schema(implementation = DepartmentView.class)))
  public Response create(DepartmentInput input, @Context UriInfo uri) {
    return RestResponses.created(uri, service.create(input));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateDepartment",
      summary = "Change a department with a JSON Merge Patch (administrators)")
  @APIResponse(
      responseCode = "200",
      description = "The changed department, with its new ETag",
      content = @Content(schema = @Schema(implementation = DepartmentView.class)))
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam(RestResponses.IF_MATCH) String ifMatch,
      @Schema(implementation = DepartmentInput.class) JsonNode patch) {
    return RestResponses.updated(service.update(id, ETags.expectedVersion(ifMatch), patch));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteDepartment",
      summary = "Delete a department (soft; administrators)")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("id") UUID id, @HeaderParam(RestResponses.IF_MATCH) String ifMatch) {
    service.delete(id, ETags.expectedVersion(ifMatch));
    return RestResponses.noContent();
  }

  @GET
  @Path("{id}/history")
  @Operation(
      operationId = "getDepartmentHistory",
      summary = "A department's field-level change history, newest first")
  public Page<HistoryEntryView> history(
      @PathParam("id") UUID id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return service.history(id, PageRequest.of(limit, cursor));
  }
}
