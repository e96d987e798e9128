package dev.headlesscrm.marketing.application;

import dev.headlesscrm.platform.records.FollowingRecords;
import dev.headlesscrm.platform.records.TransferParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** {@code carry: ["campaign-members"]}: a customer's target-list entries move to its new owner. */
@ApplicationScoped
public class MembersFollowCustomer {

  @Produces
  TransferParticipant campaignMembers(CampaignMemberService members) {
    return new FollowingRecords("customer", "campaign-members", members, "customerId");
  }
}
