package dev.headlesscrm.platform.approval;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only: submits a record for approval as the caller, as a quote's or contract's submit action
 * will. Hidden from the contract.
 */
@Path("/api/test/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalProbeResource {

  @Inject ApprovalEngine engine;

  @POST
  @Path("{resource}/{recordId}")
  @Operation(hidden = true)
  public ApprovalView submit(
      @PathParam("resource") String resource,
      @PathParam("recordId") UUID recordId,
      ApprovalComment body) {
    return engine.submit(resource, recordId, body == null ? null : body.comment());
  }
}
