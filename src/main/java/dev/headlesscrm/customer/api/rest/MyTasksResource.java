package dev.headlesscrm.customer.api.rest;

import dev.headlesscrm.customer.application.TaskService;
import dev.headlesscrm.customer.application.TaskView;
import dev.headlesscrm.platform.api.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own open tasks (我的待办), what a mobile app shows first. */
@Path("/api/v1/me/tasks")
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
public class MyTasksResource {

  @Inject TaskService service;

  @GET
  @Operation(
      operationId = "myTasks",
      summary = "The caller's open tasks, earliest due first",
      description =
          "Open tasks assigned to the caller (ownerId), earliest due first, tasks without a due"
              + " time last. due: ALL (default), TODAY (due today, China Standard Time), OVERDUE"
              + " (due before now) or UPCOMING (due from now on). A service account has none.")
  public Page<TaskView> mine(
      @QueryParam("due")
          @Parameter(
              description =
                  "ALL (default): every open task; TODAY: due today (China Standard Time);"
                      + " OVERDUE: due before now; UPCOMING: due from now on")
          TaskService.Due due,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return service.mine(due, limit, cursor);
  }
}
