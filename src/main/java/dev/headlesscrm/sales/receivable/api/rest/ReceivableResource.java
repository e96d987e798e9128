package dev.headlesscrm.sales.receivable.api.rest;

import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.sales.receivable.application.PaymentPlanService;
import dev.headlesscrm.sales.receivable.application.PaymentPlanView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Receivables (应收款): what falls due, within the caller's data scope. */
@Path("/api/v1/receivables")
@Tag(name = "Payment plans")
@Produces(MediaType.APPLICATION_JSON)
public class ReceivableResource {

  @Inject PaymentPlanService plans;

  @GET
  @Path("due")
  @Operation(
      operationId = "receivablesDue",
      description =
          "Plan periods not fully received that fall due within withinDays, overdue ones included, earliest first, within the caller's data scope. Reminder lists and dashboards read it.",
      summary =
          "Plan periods not yet received that fall due within withinDays (default: the"
              + " receivable-reminder-days setting), overdue ones included, by due date")
  public Page<PaymentPlanView> due(
      @QueryParam("withinDays") Integer withinDays,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return plans.due(withinDays, limit, cursor);
  }
}
