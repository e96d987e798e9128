package dev.headlesscrm.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while this process's presence beat reaches PostgreSQL (see {@link PodPresence}). It answers
 * from the last beat without a statement of its own, so readiness takes no pooled connection and
 * answers at once even when every pooled connection is busy (the datasource's own check would wait
 * for one and then report the database down).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject PodPresence presence;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("database")
        .status(presence.databaseReachable())
        .withData("instance", presence.id().toString())
        .build();
  }
}
