package dev.headlesscrm.sales.receivable.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.sales.receivable.application.PaymentService;
import dev.headlesscrm.sales.receivable.application.PaymentView;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Payments (回款): registered as DRAFT, then submitted (approved directly or via approval). */
@Path("/api/v1/payments")
@Tag(name = "Payments")
public class PaymentResource extends OwnedRecordResource<PaymentView> {

  @Inject PaymentService service;

  @Override
  protected OwnedRecordService<?, PaymentView, ?> service() {
    return service;
  }

  @Override
  protected Class<PaymentView> viewType() {
    return PaymentView.class;
  }

  @POST
  @Path("{id}/submit")
  @Operation(
      operationId = "submitPayment",
      description =
          "Moves a DRAFT payment to APPROVED, or to IN_APPROVAL when an active payment approval flow applies. Approved, it adds to the contract's received amount and to its plan period. 409 from other states.",
      summary =
          "Approve the payment (it then counts as received), or send it into approval when a"
              + " payment approval flow is active")
  public Response submit(@PathParam("id") UUID id) {
    return RestResponses.updated(service.submit(id));
  }

  @POST
  @Path("{id}/void")
  @Operation(
      operationId = "voidPayment",
      description =
          "Voids a payment. An approved one gives back what it added to the contract's received amount and its plan period. 409 when already void.",
      summary = "Void a payment; an approved one gives back what it added to contract and period")
  public Response voidPayment(@PathParam("id") UUID id) {
    return RestResponses.updated(service.voidPayment(id));
  }
}
