package dev.headlesscrm.platform.notifications.api;

import dev.headlesscrm.platform.notifications.ReminderService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's reminders (我的提醒): what falls due for them, computed when asked. */
@Path("/api/v1/me/reminders")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
public class MyRemindersResource {

  @Inject ReminderService service;

  @GET
  @Operation(
      operationId = "listMyReminders",
      summary =
          "What falls due for the caller: birthdays, follow-ups, tasks, receivables, pool"
              + " returns, approvals",
      description =
          "Within the caller's data scope and field permissions, earliest first, each kind at"
              + " most 200: contacts' birthdays within the birthday-reminder-days setting,"
              + " customers' next follow-ups due (overdue included), the caller's open tasks due"
              + " or whose reminder time has come, receivable periods due within the"
              + " receivable-reminder-days setting, owned customers returning to the public pool"
              + " within the pool's warning days, and approvals waiting for the caller. days"
              + " overrides every kind's lead days; kind (repeatable) picks kinds.")
  public ReminderService.Reminders mine(
      @Parameter(description = "Lead days for every kind, 0 to 365") @QueryParam("days")
          Integer days,
      @Parameter(
              description =
                  "birthday, follow-up, task, receivable, pool-warning, approval (repeatable)")
          @QueryParam("kind")
          List<String> kinds) {
    return service.mine(days, kinds);
  }
}
