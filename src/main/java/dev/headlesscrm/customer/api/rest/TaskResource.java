package dev.headlesscrm.customer.api.rest;

import dev.headlesscrm.customer.application.TaskService;
import dev.headlesscrm.customer.application.TaskView;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tasks (待办): the standard routes, and the status actions. The caller's own: /me/tasks. */
@Path("/api/v1/tasks")
@Tag(name = "Tasks")
public class TaskResource extends OwnedRecordResource<TaskView> {

  @Inject TaskService service;

  @Override
  protected OwnedRecordService<?, TaskView, ?> service() {
    return service;
  }

  @Override
  protected Class<TaskView> viewType() {
    return TaskView.class;
  }

  @POST
  @Path("{id}/complete")
  @Operation(operationId = "completeTask", summary = "OPEN → DONE (completedAt, completedBy)")
  public Response complete(@PathParam("id") UUID id) {
    return RestResponses.updated(service.complete(id));
  }

  @POST
  @Path("{id}/cancel")
  @Operation(operationId = "cancelTask", summary = "OPEN → CANCELLED")
  public Response cancel(@PathParam("id") UUID id) {
    return RestResponses.updated(service.cancel(id));
  }

  @POST
  @Path("{id}/reopen")
  @Operation(operationId = "reopenTask", summary = "DONE or CANCELLED → OPEN")
  public Response reopen(@PathParam("id") UUID id) {
    return RestResponses.updated(service.reopen(id));
  }
}
