package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** 满意度调查 / 回访: the customer's score, NPS answer and comment on a request, order or visit. */
@Entity
@Table(name = "satisfaction_surveys")
public class SatisfactionSurvey extends SoftDeletableEntity {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public SurveyKind kind;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "contact_id")
  public UUID contactId;

  @Column(name = "request_id")
  public UUID requestId;

  @Column(name = "order_id")
  public UUID orderId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public SurveyStatus status;

  /** 1 (very unhappy) to 5 (very happy). */
  public Integer score;

  /** How likely they recommend us, 0–10. */
  public Integer nps;

  @Column(columnDefinition = "text")
  public String comment;

  @Column(name = "answered_at")
  public Instant answeredAt;

  @Column(name = "follow_up_task_id")
  public UUID followUpTaskId;

  /** Whether the answer calls for a follow-up: a score at or below the threshold, or NPS 0–6. */
  public boolean low(int lowScore) {
    return (score != null && score <= lowScore) || (nps != null && nps <= 6);
  }
}
