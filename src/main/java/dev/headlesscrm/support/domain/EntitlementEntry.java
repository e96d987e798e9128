package dev.headlesscrm.support.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * One line of the entitlement ledger: what a request consumed from a term (positive) or gave back
 * (negative). Append-only; a request's net use of a term is the sum of its lines.
 */
@Entity
@Table(name = "entitlement_ledger")
public class EntitlementEntry {

  /** Why the line was written. */
  public enum Reason {
    /** Counted as the request was made (cases, consumed on creation). */
    CREATED,
    /** Counted when the request was resolved (cases on resolution, hours worked). */
    RESOLVED,
    /** The request was deleted: what it consumed goes back. */
    DELETED,
    /** The deleted request was restored: it consumes again. */
    RESTORED
  }

  @Id
  @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
  public UUID id;

  @Column(name = "contract_id", nullable = false)
  public UUID contractId;

  @Column(name = "term_id", nullable = false)
  public UUID termId;

  @Column(name = "request_id", nullable = false)
  public UUID requestId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  public EntitlementUnit unit;

  @Column(nullable = false, precision = 12, scale = 2)
  public BigDecimal quantity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  public Reason reason;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "created_by")
  public UUID createdBy;
}
