package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.api.Versioned;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * The routes of owned resources on top of the standard ones: team members (团队成员) and ownership
 * transfer (转移), single and in batch.
 */
public abstract class OwnedRecordResource<V extends Versioned> extends RecordResource<V> {

  @Override
  protected abstract OwnedRecordService<?, V, ?> service();

  @GET
  @Path("{id}/team")
  public List<TeamMemberView> team(@PathParam("id") UUID id) {
    return service().team(id);
  }

  @POST
  @Path("{id}/team")
  @Consumes(MediaType.APPLICATION_JSON)
  public TeamMemberView share(@PathParam("id") UUID id, TeamMemberInput member) {
    return service().share(id, member);
  }

  @DELETE
  @Path("{id}/team/{employeeId}")
  public Response unshare(@PathParam("id") UUID id, @PathParam("employeeId") UUID employeeId) {
    service().unshare(id, employeeId);
    return RestResponses.noContent();
  }

  @POST
  @Path("{id}/transfer")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response transfer(@PathParam("id") UUID id, TransferRequest request) {
    return RestResponses.updated(service().transfer(id, request));
  }

  @POST
  @Path("transfer")
  @Consumes(MediaType.APPLICATION_JSON)
  public BatchResult transferAll(BatchTransferRequest request) {
    return service().transferAll(request, lang());
  }
}
