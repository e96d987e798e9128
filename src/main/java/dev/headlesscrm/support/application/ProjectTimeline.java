package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.DataScope;
import dev.headlesscrm.platform.timeline.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;

/** Service's timeline entries: the customer's service projects (within the caller's scope). */
@ApplicationScoped
public class ProjectTimeline {

  @Inject AccessPolicy access;
  @Inject DataScope dataScope;

  @Produces
  TimelineSource projects() {
    return TimelineSource.of(
        "service-project",
        customer -> {
          if (!access.allowed(ServiceProjectService.RESOURCE, Action.READ)) {
            return Optional.empty();
          }
          return Optional.of(
              TimelineSource.branch(
                  "SELECT t.created_at AS at, t.id AS id, 'service-project' AS kind,"
                      + " 'service-project' AS resource, t.id AS record_id, t.name AS title,"
                      + " t.owner_id AS actor, jsonb_build_object('number', t.number,"
                      + " 'projectKind', t.kind, 'status', t.status, 'progress', t.progress,"
                      + " 'loggedHours', t.logged_hours, 'budgetHours', t.budget_hours,"
                      + " 'plannedEnd', t.planned_end) AS detail"
                      + " FROM service_projects t WHERE t.customer_id = ? AND t.deleted_at IS NULL"
                      + " AND ",
                  customer,
                  dataScope.condition(ServiceProjectService.RESOURCE, "t")));
        });
  }
}
