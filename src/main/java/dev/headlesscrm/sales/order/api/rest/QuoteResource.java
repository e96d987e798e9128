package dev.headlesscrm.sales.order.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.sales.order.application.QuoteService;
import dev.headlesscrm.sales.order.application.QuoteView;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Quotes (销售报价): the record routes plus submit, send, accept and revise. */
@Path("/api/v1/quotes")
@Tag(name = "Quotes")
public class QuoteResource extends OwnedRecordResource<QuoteView> {

  @Inject QuoteService service;

  @Override
  protected OwnedRecordService<?, QuoteView, ?> service() {
    return service;
  }

  @Override
  protected Class<QuoteView> viewType() {
    return QuoteView.class;
  }

  @POST
  @Path("{id}/submit")
  @Operation(
      operationId = "submitQuote",
      description =
          "Moves a DRAFT quote to APPROVED, or to IN_APPROVAL when a line discount exceeds the quote-approval-discount-percent setting. Such a quote is refused (409, with maxDiscount and threshold) while no quote approval flow is active: nobody could approve it. 409 naming the state when it is already APPROVED or IN_APPROVAL, and from other states.",
      summary =
          "Approve the quote, or send it into approval when a line discount exceeds the"
              + " quote-approval-discount-percent setting")
  public Response submit(@PathParam("id") UUID id) {
    return RestResponses.updated(service.submit(id));
  }

  @POST
  @Path("{id}/send")
  @Operation(
      operationId = "sendQuote",
      description = "Moves an APPROVED quote to SENT. 409 from other states.",
      summary = "Mark an approved quote as sent to the customer")
  public Response send(@PathParam("id") UUID id) {
    return RestResponses.updated(service.send(id));
  }

  @POST
  @Path("{id}/accept")
  @Operation(
      operationId = "acceptQuote",
      description =
          "Moves a SENT quote to ACCEPTED; a contract can then be created from it. 409 from other states.",
      summary = "Record the customer's acceptance")
  public Response accept(@PathParam("id") UUID id) {
    return RestResponses.updated(service.accept(id));
  }

  @POST
  @Path("{id}/revise")
  @Operation(
      operationId = "reviseQuote",
      description =
          "Creates the next revision of the quote (same number, revision + 1, DRAFT, same lines) and makes this one read-only. Answers 201 with the new revision.",
      summary = "A new revision (same number, revision + 1, DRAFT); this one becomes read-only")
  public Response revise(@PathParam("id") UUID id) {
    return RestResponses.created(uri, service.revise(id));
  }
}
