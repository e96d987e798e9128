package dev.headlesscrm.support.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/** One routing of a service request: the queues tried, every candidate, who won and why. */
@Entity
@Table(name = "routing_decisions")
public class RoutingDecision {

  @Id
  @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
  public UUID id;

  @Column(name = "request_id", nullable = false)
  public UUID requestId;

  @Column(name = "decided_at", nullable = false)
  public Instant decidedAt;

  @Column(name = "decided_by")
  public UUID decidedBy;

  /** {@code created} or {@code route} (asked again). */
  @Column(nullable = false, length = 16)
  public String trigger;

  /** The queue it ended in (after overflow). */
  @Column(name = "queue_id")
  public UUID queueId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "queues_tried", nullable = false)
  public List<UUID> queuesTried = new ArrayList<>();

  @Column(name = "chosen_id")
  public UUID chosenId;

  @Column(nullable = false, columnDefinition = "text")
  public String reason;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<RoutingCandidate> candidates = new ArrayList<>();
}
