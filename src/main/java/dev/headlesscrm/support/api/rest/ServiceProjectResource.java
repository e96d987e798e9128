package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.support.application.ServiceProjectService;
import dev.headlesscrm.support.application.ServiceProjectView;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Service projects (项目服务): the standard routes and the status actions. */
@Path("/api/v1/service-projects")
@Tag(name = "Service projects")
public class ServiceProjectResource extends OwnedRecordResource<ServiceProjectView> {

  @Inject ServiceProjectService service;

  @Override
  protected OwnedRecordService<?, ServiceProjectView, ?> service() {
    return service;
  }

  @Override
  protected Class<ServiceProjectView> viewType() {
    return ServiceProjectView.class;
  }

  @POST
  @Path("{id}/start")
  @Operation(
      operationId = "startServiceProject",
      summary = "Start a service project (PLANNED → IN_PROGRESS)",
      description = "Sets startedAt. A project on hold resumes instead (409 here).")
  public Response start(@PathParam("id") UUID id) {
    return RestResponses.updated(service.start(id));
  }

  @POST
  @Path("{id}/hold")
  @Operation(
      operationId = "holdServiceProject",
      summary = "Put a service project on hold (IN_PROGRESS → ON_HOLD)",
      description = "Milestones and hours may still be recorded while it is on hold.")
  public Response hold(@PathParam("id") UUID id) {
    return RestResponses.updated(service.hold(id));
  }

  @POST
  @Path("{id}/resume")
  @Operation(
      operationId = "resumeServiceProject",
      summary = "Resume a service project on hold (ON_HOLD → IN_PROGRESS)",
      description = "A planned project starts instead (409 here).")
  public Response resume(@PathParam("id") UUID id) {
    return RestResponses.updated(service.resume(id));
  }

  @POST
  @Path("{id}/complete")
  @Operation(
      operationId = "completeServiceProject",
      summary = "Complete a service project (IN_PROGRESS → COMPLETED)",
      description =
          "Only once every live milestone is reached: otherwise a 409 problem whose"
              + " pendingMilestones says how many are left. Sets completedAt and progress 100;"
              + " its milestones and hours are final afterwards.")
  public Response complete(@PathParam("id") UUID id) {
    return RestResponses.updated(service.complete(id));
  }

  @POST
  @Path("{id}/cancel")
  @Operation(
      operationId = "cancelServiceProject",
      summary = "Cancel a service project (PLANNED, IN_PROGRESS or ON_HOLD → CANCELLED)",
      description = "Sets cancelledAt; its milestones and hours are final afterwards.")
  public Response cancel(@PathParam("id") UUID id) {
    return RestResponses.updated(service.cancel(id));
  }
}
