package dev.headlesscrm.marketing.api.rest;

import dev.headlesscrm.marketing.application.CampaignMemberService;
import dev.headlesscrm.marketing.application.CampaignMemberView;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Campaign target lists (目标客户列表): the standard routes. One campaign's list: {@code campaignId==…};
 * one customer's marketing contacts: {@code customerId==…}.
 */
@Path("/api/v1/campaign-members")
@Tag(name = "Campaigns")
public class CampaignMemberResource extends OwnedRecordResource<CampaignMemberView> {

  @Inject CampaignMemberService service;

  @Override
  protected OwnedRecordService<?, CampaignMemberView, ?> service() {
    return service;
  }

  @Override
  protected Class<CampaignMemberView> viewType() {
    return CampaignMemberView.class;
  }
}
