package dev.headlesscrm.marketing.domain;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of campaigns, declared once. */
public final class CampaignStates {
  private CampaignStates() {}

  /**
   * A planned campaign is launched or cancelled; a running one completes or is cancelled; a
   * cancelled one can be planned again. A completed campaign is final.
   */
  public static final StateMachine<CampaignStatus> CAMPAIGN =
      StateMachine.of("campaign", CampaignStatus.class)
          .allow(CampaignStatus.PLANNED, CampaignStatus.ACTIVE)
          .allow(CampaignStatus.PLANNED, CampaignStatus.CANCELLED)
          .allow(CampaignStatus.ACTIVE, CampaignStatus.COMPLETED)
          .allow(CampaignStatus.ACTIVE, CampaignStatus.CANCELLED)
          .allow(CampaignStatus.CANCELLED, CampaignStatus.PLANNED)
          .build();
}
