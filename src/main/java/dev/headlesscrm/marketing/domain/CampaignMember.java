package dev.headlesscrm.marketing.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer on a campaign's target list: its planned marketing contact and the response. */
@Entity
@Table(name = "campaign_members")
public class CampaignMember extends OwnedEntity {

  @Column(name = "campaign_id", nullable = false)
  public UUID campaignId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "contact_id")
  public UUID contactId;

  @Column(name = "planned_at", nullable = false)
  public Instant plannedAt;

  @Column(name = "contacted_at")
  public Instant contactedAt;

  @Column(length = 64)
  public String response;

  @Column(name = "responded_at")
  public Instant respondedAt;

  @Column(columnDefinition = "text")
  public String note;
}
