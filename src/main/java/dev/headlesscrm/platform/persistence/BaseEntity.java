package dev.headlesscrm.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * What every record carries: a time-ordered UUID v7 assigned by the application (so inserts can be
 * batched), an optimistic-locking version that is also the ETag, and the audit columns, filled in
 * by {@link AuditListener} from the current principal.
 */
@MappedSuperclass
@EntityListeners(AuditListener.class)
public abstract class BaseEntity {

  @Id
  @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
  public UUID id;

  @Version public long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "created_by", updatable = false)
  public UUID createdBy;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by")
  public UUID updatedBy;

  /**
   * Marks the record changed when only its dependents changed (a line delivered): the audit
   * listener stamps it again on flush and the version moves with it.
   */
  public void touch() {
    java.time.Instant now = Clock.now();
    updatedAt = now.equals(updatedAt) ? now.plusNanos(1_000) : now;
  }
}
