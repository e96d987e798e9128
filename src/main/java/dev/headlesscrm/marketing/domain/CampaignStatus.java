package dev.headlesscrm.marketing.domain;

/** Where a campaign stands. */
public enum CampaignStatus {
  /** Being prepared: its target list is built, nothing has gone out. */
  PLANNED,
  /** Running. */
  ACTIVE,
  /** Over; its responses and cost stay for analysis. */
  COMPLETED,
  /** Called off: its planned contacts no longer happen. */
  CANCELLED
}
