package dev.headlesscrm.platform.persistence;

import dev.headlesscrm.platform.security.CurrentPrincipal;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import java.util.UUID;

/** Stamps who changed a record and when, for every entity, in one place. */
public class AuditListener {

  @PrePersist
  void beforeInsert(BaseEntity entity) {
    Instant now = Clock.now();
    UUID actor = actor();
    entity.createdAt = now;
    entity.updatedAt = now;
    entity.createdBy = actor;
    entity.updatedBy = actor;
  }

  @PreUpdate
  void beforeUpdate(BaseEntity entity) {
    entity.updatedAt = Clock.now();
    entity.updatedBy = actor();
  }

  /** The current principal's id, or null for work no caller asked for (start-up, jobs). */
  private static UUID actor() {
    ManagedContext requestContext = Arc.container().requestContext();
    if (!requestContext.isActive()) {
      return null;
    }
    return Arc.container().instance(CurrentPrincipal.class).get().idOrNull();
  }
}
