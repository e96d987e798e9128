package dev.headlesscrm.sales.performance.api.rest;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.sales.performance.application.SalesTargetProgressView;
import dev.headlesscrm.sales.performance.application.SalesTargetService;
import dev.headlesscrm.sales.performance.application.SalesTargetView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sales targets (销售计划 / 业绩目标) and their progress. */
@Path("/api/v1/sales-targets")
@Tag(name = "Sales targets")
public class SalesTargetResource extends RecordResource<SalesTargetView> {

  @Inject SalesTargetService service;

  @Override
  protected RecordService<?, SalesTargetView, ?> service() {
    return service;
  }

  @Override
  protected Class<SalesTargetView> viewType() {
    return SalesTargetView.class;
  }

  @GET
  @Path("progress")
  @Operation(
      operationId = "salesTargetProgress",
      description =
          "The sales targets of a period the caller may see, each with the actual figure (won opportunities, contract amounts or received payments, by the target's metric) and attainment = actual / target.",
      summary =
          "The visible targets of a period with actual and attainment (actual / target), within"
              + " the caller's data scope")
  public Page<SalesTargetProgressView> progress(
      @Parameter(
              description = "A month 2026-11, a quarter 2026-Q4 or a year 2026",
              example = "2026-11",
              required = true)
          @QueryParam("period")
          String period,
      @Parameter(description = "CONTRACT_AMOUNT, PAYMENTS_RECEIVED or NEW_CUSTOMERS")
          @QueryParam("metric")
          String metric,
      @QueryParam("employeeId") String employeeId,
      @QueryParam("departmentId") String departmentId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return service.progress(
        period,
        metric,
        employeeId == null ? null : Ids.parse(employeeId),
        departmentId == null ? null : Ids.parse(departmentId),
        limit,
        cursor);
  }
}
