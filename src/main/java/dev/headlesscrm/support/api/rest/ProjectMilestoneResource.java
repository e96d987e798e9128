package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.ProjectMilestoneService;
import dev.headlesscrm.support.application.ProjectMilestoneView;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Project milestones (里程碑): the standard routes and reach / reopen. */
@Path("/api/v1/project-milestones")
@Tag(name = "Project milestones")
public class ProjectMilestoneResource extends RecordResource<ProjectMilestoneView> {

  @Inject ProjectMilestoneService service;

  @Override
  protected RecordService<?, ProjectMilestoneView, ?> service() {
    return service;
  }

  @Override
  protected Class<ProjectMilestoneView> viewType() {
    return ProjectMilestoneView.class;
  }

  @POST
  @Path("{id}/reach")
  @Operation(
      operationId = "reachProjectMilestone",
      summary = "Reach a project milestone (PENDING → REACHED)",
      description =
          "Sets reachedAt and reachedBy; the project's reachedMilestoneCount and progress follow"
              + " in the same transaction, through the project's version. 409 when the project is"
              + " completed or cancelled.")
  public Response reach(@PathParam("id") UUID id) {
    return RestResponses.updated(service.reach(id));
  }

  @POST
  @Path("{id}/reopen")
  @Operation(
      operationId = "reopenProjectMilestone",
      summary = "Reopen a reached project milestone (REACHED → PENDING)",
      description = "For a milestone marked by mistake; the project's progress follows.")
  public Response reopen(@PathParam("id") UUID id) {
    return RestResponses.updated(service.reopen(id));
  }
}
