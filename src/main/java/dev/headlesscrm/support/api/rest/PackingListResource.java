package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.PackingListCommands;
import dev.headlesscrm.support.application.PackingListService;
import dev.headlesscrm.support.application.PackingListView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Packing lists (装箱单): the standard routes and the shipping actions. */
@Path("/api/v1/packing-lists")
@Tag(name = "Packing lists")
public class PackingListResource extends RecordResource<PackingListView> {

  @Inject PackingListService service;

  @Override
  protected RecordService<?, PackingListView, ?> service() {
    return service;
  }

  @Override
  protected Class<PackingListView> viewType() {
    return PackingListView.class;
  }

  @POST
  @Path("{id}/pack")
  @Operation(
      operationId = "packPackingList",
      summary = "Pack a packing list (DRAFT → PACKED)",
      description = "Sets packedAt; a list without lines has nothing to pack (422 naming lines).")
  public Response pack(@PathParam("id") UUID id) {
    return RestResponses.updated(service.pack(id));
  }

  @POST
  @Path("{id}/ship")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "shipPackingList",
      summary = "Ship a packing list (PACKED → SHIPPED)",
      description =
          "Sets shippedAt, the carrier and the tracking number (omitted ones keep the list's); a"
              + " shipment without a tracking number is a 422 naming trackingNumber.")
  public Response ship(@PathParam("id") UUID id, PackingListCommands.Shipment body) {
    return RestResponses.updated(service.ship(id, body));
  }

  @POST
  @Path("{id}/deliver")
  @Operation(
      operationId = "deliverPackingList",
      summary = "Mark a packing list delivered (SHIPPED → DELIVERED)",
      description = "Sets deliveredAt: the addressee has the parts.")
  public Response deliver(@PathParam("id") UUID id) {
    return RestResponses.updated(service.deliver(id));
  }

  @POST
  @Path("{id}/return")
  @Operation(
      operationId = "returnPackingList",
      summary = "Mark a packing list returned (SHIPPED or DELIVERED → RETURNED)",
      description =
          "Sets returnedAt: the shipment came back (refused, undeliverable, or sent back after"
              + " delivery). RETURNED is final.")
  public Response markReturned(@PathParam("id") UUID id) {
    return RestResponses.updated(service.markReturned(id));
  }
}
