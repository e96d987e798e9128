package dev.headlesscrm.marketing.api.graphql;

import dev.headlesscrm.marketing.application.CampaignService;
import dev.headlesscrm.marketing.application.CampaignView;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Campaigns' status actions over GraphQL: the same service as REST. */
@GraphQLApi
@GraphQlProblems
public class CampaignGraphQlApi {

  @Inject CampaignService campaigns;

  @Mutation("launchCampaign")
  @Description("PLANNED → ACTIVE")
  public CampaignView launchCampaign(@Id @NonNull String id) {
    return campaigns.launch(Ids.parse(id));
  }

  @Mutation("completeCampaign")
  @Description("ACTIVE → COMPLETED")
  public CampaignView completeCampaign(@Id @NonNull String id) {
    return campaigns.complete(Ids.parse(id));
  }

  @Mutation("cancelCampaign")
  @Description("PLANNED or ACTIVE → CANCELLED; care its contacts flagged is cleared")
  public CampaignView cancelCampaign(@Id @NonNull String id) {
    return campaigns.cancel(Ids.parse(id));
  }

  @Mutation("replanCampaign")
  @Description("CANCELLED → PLANNED")
  public CampaignView replanCampaign(@Id @NonNull String id) {
    return campaigns.replan(Ids.parse(id));
  }
}
