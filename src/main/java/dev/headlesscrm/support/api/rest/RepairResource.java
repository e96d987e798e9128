package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.support.application.RepairCommands;
import dev.headlesscrm.support.application.RepairService;
import dev.headlesscrm.support.application.RepairView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Repairs (产品维修): the standard routes of owned records and the status actions. */
@Path("/api/v1/repairs")
@Tag(name = "Repairs")
public class RepairResource extends OwnedRecordResource<RepairView> {

  @Inject RepairService service;

  @Override
  protected OwnedRecordService<?, RepairView, ?> service() {
    return service;
  }

  @Override
  protected Class<RepairView> viewType() {
    return RepairView.class;
  }

  @POST
  @Path("{id}/schedule")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "scheduleRepair",
      summary = "Schedule a repair visit (OPEN or SCHEDULED → SCHEDULED)",
      description =
          "Sets the technician and the visit window (and address); omitted fields keep the"
              + " repair's, and a technician and a start are required in the end (422)."
              + " Scheduling again with nothing new is a 409.")
  public Response schedule(@PathParam("id") UUID id, RepairCommands.Schedule body) {
    return RestResponses.updated(service.schedule(id, body));
  }

  @POST
  @Path("{id}/start")
  @Operation(
      operationId = "startRepair",
      summary = "Start a repair (OPEN or SCHEDULED → IN_PROGRESS)",
      description = "Sets startedAt; a repair at the service desk may start without a visit.")
  public Response start(@PathParam("id") UUID id) {
    return RestResponses.updated(service.start(id));
  }

  @POST
  @Path("{id}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "completeRepair",
      summary = "Complete a repair (IN_PROGRESS → COMPLETED)",
      description =
          "Records the diagnosis (required unless the repair has one) and the resolution"
              + " (required); labourHours, when given, are the final hours and the costs follow."
              + " A completed repair can no longer be changed.")
  public Response complete(@PathParam("id") UUID id, RepairCommands.Completion body) {
    return RestResponses.updated(service.complete(id, body));
  }

  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "cancelRepair",
      summary = "Cancel a repair (OPEN, SCHEDULED or IN_PROGRESS → CANCELLED)",
      description = "Records the reason; a cancelled repair can no longer be changed.")
  public Response cancel(@PathParam("id") UUID id, RepairCommands.Cancellation body) {
    return RestResponses.updated(service.cancel(id, body));
  }
}
