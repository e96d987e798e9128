package dev.headlesscrm.sales.receivable.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.sales.receivable.application.PaymentPlanService;
import dev.headlesscrm.sales.receivable.application.PaymentPlanView;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Payment plan periods (回款计划). */
@Path("/api/v1/payment-plans")
@Tag(name = "Payment plans")
public class PaymentPlanResource extends OwnedRecordResource<PaymentPlanView> {

  @Inject PaymentPlanService service;

  @Override
  protected OwnedRecordService<?, PaymentPlanView, ?> service() {
    return service;
  }

  @Override
  protected Class<PaymentPlanView> viewType() {
    return PaymentPlanView.class;
  }

  @POST
  @Path("{id}/void")
  @Operation(
      operationId = "voidPaymentPlan",
      description =
          "Voids one plan period that nothing was received for; it no longer counts as receivable. 409 when payments were received against it or the contract is closed.",
      summary = "Void a period nothing was received for")
  public Response voidPeriod(@PathParam("id") UUID id) {
    return RestResponses.updated(service.voidPeriod(id));
  }
}
