package dev.headlesscrm.admin.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.admin.application.EmployeeInput;
import dev.headlesscrm.admin.application.EmployeeService;
import dev.headlesscrm.admin.application.EmployeeView;
import dev.headlesscrm.platform.api.ETags;
import dev.headlesscrm.platform.api.MediaTypes;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.RestResponses;
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

@Path("/api/v1/employees")
@Tag(name = "Organisation")
@Produces(MediaType.APPLICATION_JSON)
public class EmployeeResource {

  @Inject EmployeeService service;

  @GET
  @Operation(operationId = "listEmployees", summary = "List employees (keyset paging)")
  public Page<EmployeeView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return service.list(PageRequest.of(limit, cursor));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getEmployee", summary = "Get an employee")
  @APIResponse(
      responseCode = "200",
      description = "The employee, with its ETag",
      content = @Content(schema = @Schema(implementation = EmployeeView.class)))
  public Response get(
      @PathParam("id") UUID id, @HeaderParam(RestResponses.IF_NONE_MATCH) String ifNoneMatch) {
    return RestResponses.read(service.get(id), ifNoneMatch);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createEmployee", summary = "Create an employee (administrators)")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location and ETag are set",
      content = @Content(schema = @Schema(implementation = EmployeeView.class)))
  public Response create(EmployeeInput input, @Context UriInfo uri) {
    return RestResponses.created(uri, service.create(input));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateEmployee",
      summary = "Change an employee with a JSON Merge Patch (administrators)")
  @APIResponse(
      responseCode = "200",
      description = "The changed employee, with its new ETag",
      content = @Content(schema = @Schema(implementation = EmployeeView.class)))
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam(RestResponses.IF_MATCH) String ifMatch,
      @Schema(implementation = EmployeeInput.class) JsonNode patch) {
    return RestResponses.updated(service.update(id, ETags.expectedVersion(ifMatch), patch));
  }

  @DELETE
  @Path("{id}")
  @Operation(operationId = "deleteEmployee", summary = "Delete an employee (soft; administrators)")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("id") UUID id, @HeaderParam(RestResponses.IF_MATCH) String ifMatch) {
    service.delete(id, ETags.expectedVersion(ifMatch));
    return RestResponses.noContent();
  }
}
