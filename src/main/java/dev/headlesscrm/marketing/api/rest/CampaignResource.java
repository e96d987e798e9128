package dev.headlesscrm.marketing.api.rest;

import dev.headlesscrm.marketing.application.CampaignService;
import dev.headlesscrm.marketing.application.CampaignView;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Campaigns (营销活动): the standard routes and the status actions. */
@Path("/api/v1/campaigns")
@Tag(name = "Campaigns")
public class CampaignResource extends RecordResource<CampaignView> {

  @Inject CampaignService service;

  @Override
  protected RecordService<?, CampaignView, ?> service() {
    return service;
  }

  @Override
  protected Class<CampaignView> viewType() {
    return CampaignView.class;
  }

  @POST
  @Path("{id}/launch")
  @Operation(
      operationId = "launchCampaign",
      summary = "Launch a campaign (PLANNED → ACTIVE)",
      description = "Sets launchedAt. 409 naming the status when the campaign is not PLANNED.")
  public Response launch(@PathParam("id") UUID id) {
    return RestResponses.updated(service.launch(id));
  }

  @POST
  @Path("{id}/complete")
  @Operation(
      operationId = "completeCampaign",
      summary = "Complete a campaign (ACTIVE → COMPLETED)",
      description = "Sets closedAt; a completed campaign is final and takes no new members.")
  public Response complete(@PathParam("id") UUID id) {
    return RestResponses.updated(service.complete(id));
  }

  @POST
  @Path("{id}/cancel")
  @Operation(
      operationId = "cancelCampaign",
      summary = "Cancel a campaign (PLANNED or ACTIVE → CANCELLED)",
      description =
          "Its planned marketing contacts no longer happen: care records they flagged"
              + " (marketingConflictAt) are cleared, each through its version.")
  public Response cancel(@PathParam("id") UUID id) {
    return RestResponses.updated(service.cancel(id));
  }

  @POST
  @Path("{id}/replan")
  @Operation(
      operationId = "replanCampaign",
      summary = "Plan a cancelled campaign again (CANCELLED → PLANNED)",
      description =
          "Its target list counts again: care planned shortly before its contacts is flagged.")
  public Response replan(@PathParam("id") UUID id) {
    return RestResponses.updated(service.replan(id));
  }
}
