package dev.headlesscrm.sales.performance.api.rest;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.sales.performance.application.CommissionRecalculation;
import dev.headlesscrm.sales.performance.application.CommissionService;
import dev.headlesscrm.sales.performance.application.CommissionView;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Commissions (佣金): calculated, never written; read within the caller's data scope, approved and
 * paid by sales managers, recalculated on request.
 */
@Path("/api/v1/commissions")
@Tag(name = "Commissions")
public class CommissionResource extends ReadOnlyRecordResource<CommissionView> {

  @Inject CommissionService service;

  @Override
  protected RecordService<?, CommissionView, ?> service() {
    return service;
  }

  @Override
  protected Class<CommissionView> viewType() {
    return CommissionView.class;
  }

  @POST
  @Path("recalculate")
  @Operation(
      operationId = "recalculateCommissions",
      description =
          "Runs the commission rules again for one month (period YYYY-MM). CALCULATED commissions are replaced; APPROVED and PAID ones stay and differences become adjustment lines. Answers the commissions written.",
      summary =
          "Rebuild the open (CALCULATED) commissions of a month, for one employee or every"
              + " employee within the caller's data scope; approved and paid ones get adjustments")
  public CommissionRecalculation recalculate(
      @Parameter(description = "The employee; none: everyone in scope") @QueryParam("employeeId")
          String employeeId,
      @Parameter(description = "The month, yyyy-MM", example = "2026-11", required = true)
          @QueryParam("period")
          String period) {
    return service.recalculate(employeeId == null ? null : Ids.parse(employeeId), period);
  }

  @POST
  @Path("{id}/approve")
  @Operation(operationId = "approveCommission", summary = "CALCULATED → APPROVED")
  public Response approve(@PathParam("id") UUID id) {
    return RestResponses.updated(service.approve(id));
  }

  @POST
  @Path("{id}/pay")
  @Operation(operationId = "payCommission", summary = "APPROVED → PAID")
  public Response pay(@PathParam("id") UUID id) {
    return RestResponses.updated(service.pay(id));
  }
}
