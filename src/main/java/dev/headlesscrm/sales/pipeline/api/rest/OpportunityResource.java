package dev.headlesscrm.sales.pipeline.api.rest;

import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.sales.pipeline.application.OpportunityService;
import dev.headlesscrm.sales.pipeline.application.OpportunityView;
import dev.headlesscrm.sales.pipeline.application.StageVisit;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Opportunities (商机): the standard record routes and the stage history. */
@Path("/api/v1/opportunities")
@Tag(name = "Opportunities")
public class OpportunityResource extends OwnedRecordResource<OpportunityView> {

  @Inject OpportunityService service;

  @Override
  protected OwnedRecordService<?, OpportunityView, ?> service() {
    return service;
  }

  @Override
  protected Class<OpportunityView> viewType() {
    return OpportunityView.class;
  }

  @GET
  @Path("{id}/stage-history")
  @Operation(
      operationId = "opportunityStageHistory",
      description =
          "Each stay of the opportunity in a stage: the stage, when and by whom it was entered and left (leftAt null while it is still there), oldest first.",
      summary = "When the opportunity entered and left each stage, and who moved it")
  public List<StageVisit> stageHistory(@PathParam("id") UUID id) {
    return service.stageHistory(id);
  }
}
