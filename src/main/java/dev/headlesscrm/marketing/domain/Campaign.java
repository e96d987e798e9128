package dev.headlesscrm.marketing.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 营销活动: a campaign. Not owned in the data-scope sense: every role that reads campaigns reads them
 * all, as a rep must know what marketing plans for the customers; its manager is {@link #ownerId}.
 */
@Entity
@Table(name = "campaigns")
public class Campaign extends SoftDeletableEntity {

  /** Who runs it (负责人). */
  @Column(name = "owner_id")
  public UUID ownerId;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(nullable = false, length = 64)
  public String type;

  @Column(length = 64)
  public String channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public CampaignStatus status;

  @Column(name = "start_date")
  public LocalDate startDate;

  @Column(name = "end_date")
  public LocalDate endDate;

  @Column(precision = 18, scale = 2)
  public BigDecimal budget;

  @Column(name = "actual_cost", precision = 18, scale = 2)
  public BigDecimal actualCost;

  @Column(name = "expected_revenue", precision = 18, scale = 2)
  public BigDecimal expectedRevenue;

  @Column(columnDefinition = "text")
  public String description;

  @Column(name = "launched_at")
  public Instant launchedAt;

  @Column(name = "closed_at")
  public Instant closedAt;
}
