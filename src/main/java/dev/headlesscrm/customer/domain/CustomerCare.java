package dev.headlesscrm.customer.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** 客户关怀: a greeting, gift, visit or card for a customer or one of its contacts. */
@Entity
@Table(name = "customer_cares")
public class CustomerCare extends OwnedEntity {

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "contact_id")
  public UUID contactId;

  @Column(nullable = false, length = 64)
  public String kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CareOccasion occasion;

  @Column(columnDefinition = "text")
  public String content;

  @Column(name = "planned_at", nullable = false)
  public Instant plannedAt;

  @Column(name = "done_at")
  public Instant doneAt;

  @Column(precision = 18, scale = 2)
  public BigDecimal cost;

  /** The marketing contact this care comes too shortly before, when the rule flags one. */
  @Column(name = "marketing_conflict_at")
  public Instant marketingConflictAt;

  @Column(name = "marketing_conflict_campaign_id")
  public UUID marketingConflictCampaignId;

  @Column(name = "marketing_conflict_member_id")
  public UUID marketingConflictMemberId;
}
