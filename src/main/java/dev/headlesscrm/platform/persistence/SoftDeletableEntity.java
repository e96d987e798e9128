package dev.headlesscrm.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** A record that is hidden rather than removed when deleted, so it can be restored. */
@MappedSuperclass
public abstract class SoftDeletableEntity extends BaseEntity {

  @Column(name = "deleted_at")
  public Instant deletedAt;

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public void markDeleted() {
    deletedAt = Clock.now();
  }
}
