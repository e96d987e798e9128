package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.ProductDefectService;
import dev.headlesscrm.support.application.ProductDefectView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Product defects (产品缺陷): the standard routes and the status actions. */
@Path("/api/v1/product-defects")
@Tag(name = "Product defects")
public class ProductDefectResource extends RecordResource<ProductDefectView> {

  @Inject ProductDefectService service;

  @Override
  protected RecordService<?, ProductDefectView, ?> service() {
    return service;
  }

  @Override
  protected Class<ProductDefectView> viewType() {
    return ProductDefectView.class;
  }

  /** The version that fixes it. */
  @Schema(name = "DefectFix")
  public record Fix(@Schema(examples = "3.2.2") String fixedInVersion) {}

  @POST
  @Path("{id}/confirm")
  @Operation(
      operationId = "confirmProductDefect",
      summary = "Confirm a product defect (REPORTED, FIXED or CLOSED → CONFIRMED)",
      description = "From FIXED or CLOSED it came back: the fix is cleared.")
  public Response confirm(@PathParam("id") UUID id) {
    return RestResponses.updated(service.confirm(id));
  }

  @POST
  @Path("{id}/start-fix")
  @Operation(
      operationId = "startFixingProductDefect",
      summary = "Start fixing a product defect (CONFIRMED → FIXING)")
  public Response startFix(@PathParam("id") UUID id) {
    return RestResponses.updated(service.startFix(id));
  }

  @POST
  @Path("{id}/mark-fixed")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "markProductDefectFixed",
      summary = "Mark a product defect fixed (FIXING → FIXED)",
      description = "Sets fixedAt and the version that fixes it.")
  public Response markFixed(@PathParam("id") UUID id, Fix body) {
    return RestResponses.updated(
        service.markFixed(id, body == null ? null : body.fixedInVersion()));
  }

  @POST
  @Path("{id}/close")
  @Operation(
      operationId = "closeProductDefect",
      summary = "Close a product defect (REPORTED as no defect, or FIXED → CLOSED)")
  public Response close(@PathParam("id") UUID id) {
    return RestResponses.updated(service.close(id));
  }
}
