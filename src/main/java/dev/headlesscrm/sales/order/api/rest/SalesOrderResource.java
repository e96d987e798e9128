package dev.headlesscrm.sales.order.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.sales.order.application.Delivery;
import dev.headlesscrm.sales.order.application.SalesOrderService;
import dev.headlesscrm.sales.order.application.SalesOrderView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sales orders (销售订单): the record routes plus creation from a contract and the life cycle. */
@Path("/api/v1/sales-orders")
@Tag(name = "Sales orders")
public class SalesOrderResource extends OwnedRecordResource<SalesOrderView> {

  @Inject SalesOrderService service;

  @Override
  protected OwnedRecordService<?, SalesOrderView, ?> service() {
    return service;
  }

  @Override
  protected Class<SalesOrderView> viewType() {
    return SalesOrderView.class;
  }

  @POST
  @Path("from-contract/{contractId}")
  @Operation(
      operationId = "createSalesOrderFromContract",
      description =
          "Creates a DRAFT sales order with the customer, lines and amounts of an APPROVED or ACTIVE contract. 409 from other contract states.",
      summary = "A draft order with an approved or active contract's customer and lines")
  public Response fromContract(@PathParam("contractId") UUID contractId) {
    SalesOrderView created = service.fromContract(contractId);
    return RestResponses.createdAt(
        URI.create(uri.getBaseUri() + "api/v1/sales-orders/" + created.id()), created);
  }

  @POST
  @Path("{id}/confirm")
  @Operation(operationId = "confirmSalesOrder", summary = "DRAFT → CONFIRMED")
  public Response confirm(@PathParam("id") UUID id) {
    return RestResponses.updated(service.confirm(id));
  }

  @POST
  @Path("{id}/deliver")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "deliverSalesOrder",
      description =
          "Records delivered quantities per order line (never more than ordered); the order becomes PARTIALLY_DELIVERED or DELIVERED. 409 when the order is not confirmed.",
      summary = "Record delivered quantities per line; the status follows (partially) delivered")
  public Response deliver(@PathParam("id") UUID id, Delivery delivery) {
    return RestResponses.updated(service.deliver(id, delivery));
  }

  @POST
  @Path("{id}/close")
  @Operation(operationId = "closeSalesOrder", summary = "(Partially) delivered → CLOSED")
  public Response close(@PathParam("id") UUID id) {
    return RestResponses.updated(service.close(id));
  }

  @POST
  @Path("{id}/cancel")
  @Operation(operationId = "cancelSalesOrder", summary = "DRAFT or CONFIRMED → CANCELLED")
  public Response cancel(@PathParam("id") UUID id) {
    return RestResponses.updated(service.cancel(id));
  }
}
