package dev.headlesscrm.marketing.domain;

import dev.headlesscrm.sales.StateTransitions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every allowed and every refused transition of a campaign (营销活动), one test each. */
class CampaignStatesTest {

  static final Map<CampaignStatus, Set<CampaignStatus>> CAMPAIGN =
      Map.of(
          CampaignStatus.PLANNED,
          EnumSet.of(CampaignStatus.ACTIVE, CampaignStatus.CANCELLED),
          CampaignStatus.ACTIVE,
          EnumSet.of(CampaignStatus.COMPLETED, CampaignStatus.CANCELLED),
          CampaignStatus.COMPLETED,
          EnumSet.noneOf(CampaignStatus.class),
          CampaignStatus.CANCELLED,
          EnumSet.of(CampaignStatus.PLANNED));

  @TestFactory
  Stream<DynamicTest> campaignTransitions() {
    return StateTransitions.transitions(CampaignStates.CAMPAIGN, CampaignStatus.class, CAMPAIGN);
  }
}
