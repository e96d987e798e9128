package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.DataScope;
import dev.headlesscrm.platform.timeline.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Service requests on the customer's timeline: one entry per request when it was made, with where
 * it stands (status, what entitled it, SLA state, resolution time), under the caller's data scope.
 */
@ApplicationScoped
public class ServiceRequestTimeline {

  @Inject AccessPolicy access;
  @Inject DataScope dataScope;

  @Produces
  TimelineSource serviceRequests() {
    return TimelineSource.of(
        "service-request",
        customer -> {
          if (!access.allowed(ServiceRequestService.RESOURCE, Action.READ)) {
            return Optional.empty();
          }
          SqlFragment scope = dataScope.condition(ServiceRequestService.RESOURCE, "t");
          return Optional.of(
              TimelineSource.branch(
                  "SELECT t.created_at AS at, t.id AS id, 'service-request' AS kind,"
                      + " 'service-request' AS resource, t.id AS record_id,"
                      + " t.number || ' ' || t.subject AS title, t.created_by AS actor,"
                      + " jsonb_build_object('status', t.status, 'type', t.type,"
                      + " 'channel', t.channel, 'priority', t.priority, 'ownerId', t.owner_id,"
                      + " 'entitledBy', t.entitled_by, 'slaState', t.sla_state,"
                      + " 'resolvedAt', t.resolved_at) AS detail"
                      + " FROM service_requests t WHERE t.customer_id = ? AND t.deleted_at IS NULL"
                      + " AND ",
                  customer,
                  scope));
        });
  }
}
