package dev.headlesscrm.platform.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.platform.api.ETags;
import dev.headlesscrm.platform.api.MediaTypes;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.api.Versioned;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The REST routes every resource has (API.md §1), written once: the read routes of {@link
 * ReadOnlyRecordResource} (list, search, export, get, history) plus create, merge-patch, upsert by
 * external id, delete (soft or permanent), restore and batch. A resource class extends it with its
 * {@code @Path}, its service and its own actions. Thin: each route parses, calls one service
 * method, and maps the result.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class RecordResource<V extends Versioned> extends ReadOnlyRecordResource<V> {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonNode body) {
    return RestResponses.created(uri, service().createFromJson(body));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam(RestResponses.IF_MATCH) String ifMatch,
      JsonNode patch) {
    return RestResponses.updated(service().update(id, ETags.expectedVersion(ifMatch), patch));
  }

  @PUT
  @Path("external/{externalId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response upsert(@PathParam("externalId") String externalId, JsonNode body) {
    Upserted<V> result = service().upsert(externalId, body);
    if (!result.created()) {
      return RestResponses.updated(result.view());
    }
    String path = uri.getAbsolutePath().toString();
    String collection = path.substring(0, path.lastIndexOf("/external/"));
    return RestResponses.createdAt(
        java.net.URI.create(collection + "/" + result.view().id()), result.view());
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("id") UUID id,
      @HeaderParam(RestResponses.IF_MATCH) String ifMatch,
      @QueryParam("permanent") boolean permanent) {
    if (permanent) {
      service().erasePermanently(id);
    } else {
      service().delete(id, ETags.expectedVersion(ifMatch));
    }
    return RestResponses.noContent();
  }

  @POST
  @Path("{id}/restore")
  public Response restore(@PathParam("id") UUID id) {
    return RestResponses.updated(service().restore(id));
  }

  @POST
  @Path("batch")
  @Consumes(MediaType.APPLICATION_JSON)
  public BatchResult batch(BatchRequest request) {
    return service().batch(request, lang());
  }
}
