package dev.headlesscrm.customer.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 跟进记录: one contact with a customer (or a lead), what was said, and when to follow up next. The
 * customer keeps its latest follow-up's time, content, author and next date.
 */
@Entity
@Table(name = "follow_ups")
public class FollowUp extends OwnedEntity {

  @Column(name = "customer_id")
  public UUID customerId;

  @Column(name = "contact_id")
  public UUID contactId;

  @Column(name = "lead_id")
  public UUID leadId;

  @Column(name = "opportunity_id")
  public UUID opportunityId;

  @Column(name = "contract_id")
  public UUID contractId;

  @Column(nullable = false, length = 64)
  public String method;

  @Column(nullable = false, columnDefinition = "text")
  public String content;

  @Column(name = "followed_up_at", nullable = false)
  public Instant followedUpAt;

  @Column(length = 200)
  public String location;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "participant_employee_ids", nullable = false)
  public List<UUID> participantEmployeeIds;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "participant_contact_ids", nullable = false)
  public List<UUID> participantContactIds;

  @Column(name = "next_follow_up_at")
  public Instant nextFollowUpAt;

  @Column(name = "next_follow_up_content", length = 500)
  public String nextFollowUpContent;

  /** The customer before this change, whose last follow-up may have to move too. */
  @jakarta.persistence.Transient public UUID previousCustomerId;
}
