package dev.headlesscrm.sales.order.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.sales.order.application.ContractService;
import dev.headlesscrm.sales.order.application.ContractView;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Contracts (销售合同): the record routes plus creation from a quote and the status actions. */
@Path("/api/v1/contracts")
@Tag(name = "Contracts")
public class ContractResource extends OwnedRecordResource<ContractView> {

  @Inject ContractService service;

  @Override
  protected OwnedRecordService<?, ContractView, ?> service() {
    return service;
  }

  @Override
  protected Class<ContractView> viewType() {
    return ContractView.class;
  }

  @POST
  @Path("from-quote/{quoteId}")
  @Operation(
      operationId = "createContractFromQuote",
      description =
          "Creates a DRAFT contract from an ACCEPTED quote: customer, contact, lines, totals and currency are copied, and the quote is linked. 409 when the quote is not accepted or already has a live contract.",
      summary = "A draft contract from an accepted quote: customer, lines and totals in one call")
  public Response fromQuote(@PathParam("quoteId") UUID quoteId, @QueryParam("name") String name) {
    ContractView created = service.fromQuote(quoteId, name);
    String base = uri.getBaseUri().toString();
    return RestResponses.createdAt(URI.create(base + "api/v1/contracts/" + created.id()), created);
  }

  @POST
  @Path("{id}/submit")
  @Operation(
      operationId = "submitContract",
      description =
          "Moves a DRAFT contract to APPROVED, or to IN_APPROVAL when an active contract approval flow applies (the approval then decides). On approval the customer's lifecycle becomes won (成交). 409 from other states.",
      summary =
          "Approve the contract, or send it into approval when a contract approval flow is"
              + " active; approval marks the customer won (成交)")
  public Response submit(@PathParam("id") UUID id) {
    return RestResponses.updated(service.submit(id));
  }

  @POST
  @Path("{id}/activate")
  @Operation(operationId = "activateContract", summary = "APPROVED → ACTIVE")
  public Response activate(@PathParam("id") UUID id) {
    return RestResponses.updated(service.activate(id));
  }

  @POST
  @Path("{id}/complete")
  @Operation(operationId = "completeContract", summary = "ACTIVE → COMPLETED")
  public Response complete(@PathParam("id") UUID id) {
    return RestResponses.updated(service.complete(id));
  }

  @POST
  @Path("{id}/terminate")
  @Operation(operationId = "terminateContract", summary = "APPROVED or ACTIVE → TERMINATED")
  public Response terminate(@PathParam("id") UUID id) {
    return RestResponses.updated(service.terminate(id));
  }

  @POST
  @Path("{id}/void")
  @Operation(
      operationId = "voidContract",
      description =
          "Voids a contract that has no received payments; its open plan periods are voided with it. 409 once payments were received.",
      summary = "Void a contract without received payments")
  public Response voidContract(@PathParam("id") UUID id) {
    return RestResponses.updated(service.voidContract(id));
  }
}
