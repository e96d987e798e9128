package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * 服务请求: a customer's request, owned by the agent working it (none while it waits in its
 * department's queue). Its SLA timers are rows of their own ({@link SlaTimer}); the request carries
 * their summary (the worst state, the next due instants) so lists filter and sort by them.
 */
@Entity
@Table(name = "service_requests")
public class ServiceRequest extends OwnedEntity {

  @Column(nullable = false, length = 64, updatable = false)
  public String number;

  @Column(name = "external_id", length = 128)
  public String externalId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "contact_id")
  public UUID contactId;

  @Column(name = "goods_id")
  public UUID goodsId;

  /** Whether the goods' warranty covered the request when it was made (null: no goods). */
  @Column(name = "under_warranty")
  public Boolean underWarranty;

  /** What entitled it, decided when it was made. */
  @Enumerated(EnumType.STRING)
  @Column(name = "entitled_by", length = 16)
  public EntitlementSource entitledBy;

  /** The service contract whose term entitled it. */
  @Column(name = "service_contract_id")
  public UUID serviceContractId;

  @Column(name = "entitlement_term_id")
  public UUID entitlementTermId;

  /** The sales contract behind its goods that entitled it. */
  @Column(name = "sales_contract_id")
  public UUID salesContractId;

  /** Hours worked on it; what an hours term consumes when it is resolved. */
  @Column(name = "worked_hours", precision = 8, scale = 2)
  public java.math.BigDecimal workedHours;

  /** The queue routing put it in (after overflow). */
  @Column(name = "queue_id")
  public UUID queueId;

  @Column(name = "routed_at")
  public Instant routedAt;

  /** The product defect it is an occurrence of. */
  @Column(name = "defect_id")
  public UUID defectId;

  @Column(nullable = false, length = 64)
  public String channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ServiceRequestType type;

  @Column(length = 64)
  public String category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ServicePriority priority;

  @Column(nullable = false, length = 200)
  public String subject;

  @Column(columnDefinition = "text")
  public String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  public ServiceRequestStatus status;

  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  public ComplaintSeverity severity;

  @Column(name = "escalation_level", nullable = false)
  public int escalationLevel;

  @Column(name = "escalated_at")
  public Instant escalatedAt;

  @Column(name = "sla_policy_id")
  public UUID slaPolicyId;

  @Enumerated(EnumType.STRING)
  @Column(name = "sla_state", length = 16)
  public SlaTimerState slaState;

  @Column(name = "response_due_at")
  public Instant responseDueAt;

  @Column(name = "resolution_due_at")
  public Instant resolutionDueAt;

  @Column(name = "first_responded_at")
  public Instant firstRespondedAt;

  @Column(name = "last_responded_at")
  public Instant lastRespondedAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  @Column(columnDefinition = "text")
  public String resolution;

  @Column(name = "reopen_count", nullable = false)
  public int reopenCount;
}
