package dev.headlesscrm.customer.application;

import dev.headlesscrm.platform.query.FieldVisibility;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.DataScope;
import dev.headlesscrm.platform.timeline.TimelineSource;
import dev.headlesscrm.platform.timeline.Timelines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The customer context's timeline entries: follow-ups and tasks (within the caller's scope over
 * them), and, from the customer's own history, its ownership moves (transfer, claim, assignment,
 * put-back, return to the pool, lock) and lifecycle stage changes.
 */
@ApplicationScoped
public class CustomerTimeline {

  /** The customer's history actions that move or hold its ownership. */
  static final List<String> MOVES =
      List.of(
          "transferred",
          CustomerService.CLAIMED,
          CustomerService.ASSIGNED,
          CustomerService.PUT_BACK,
          CustomerService.RETURNED,
          CustomerService.LOCKED,
          CustomerService.UNLOCKED,
          "merged");

  @Inject AccessPolicy access;
  @Inject DataScope dataScope;
  @Inject FieldVisibility fields;

  @Produces
  TimelineSource followUps() {
    return TimelineSource.of(
        "follow-up",
        customer -> {
          if (!access.allowed(FollowUpService.RESOURCE, Action.READ)) {
            return Optional.empty();
          }
          SqlFragment scope = dataScope.condition(FollowUpService.RESOURCE, "t");
          String f = FollowUpService.RESOURCE;
          return Optional.of(
              TimelineSource.branch(
                  "SELECT t.followed_up_at AS at, t.id AS id, 'follow-up' AS kind,"
                      + " 'follow-up' AS resource, t.id AS record_id, "
                      + Timelines.visible(fields, f, "content", "left(t.content, 200)")
                      + " AS title, t.owner_id AS actor, jsonb_build_object('method', t.method,"
                      + " 'nextFollowUpAt', "
                      + Timelines.visible(fields, f, "nextFollowUpAt", "t.next_follow_up_at")
                      + ", 'contactId', t.contact_id, 'location', "
                      + Timelines.visible(fields, f, "location", "t.location")
                      + ") AS detail FROM follow_ups t"
                      + " WHERE t.customer_id = ? AND t.deleted_at IS NULL AND ",
                  customer,
                  scope));
        });
  }

  @Produces
  TimelineSource tasks() {
    return TimelineSource.of(
        "task",
        customer -> {
          if (!access.allowed(TaskService.RESOURCE, Action.READ)) {
            return Optional.empty();
          }
          SqlFragment scope = dataScope.condition(TaskService.RESOURCE, "t");
          return Optional.of(
              TimelineSource.branch(
                  "SELECT t.created_at AS at, t.id AS id, 'task' AS kind, 'task' AS resource,"
                      + " t.id AS record_id, t.subject AS title, t.owner_id AS actor,"
                      + " jsonb_build_object('status', t.status, 'dueAt', t.due_at,"
                      + " 'priority', t.priority, 'completedAt', t.completed_at) AS detail"
                      + " FROM tasks t WHERE t.customer_id = ? AND t.deleted_at IS NULL AND ",
                  customer,
                  scope));
        });
  }

  @Produces
  TimelineSource care() {
    return TimelineSource.of(
        "care",
        customer -> {
          if (!access.allowed(CustomerCareService.RESOURCE, Action.READ)) {
            return Optional.empty();
          }
          String r = CustomerCareService.RESOURCE;
          return Optional.of(
              TimelineSource.branch(
                  "SELECT t.planned_at AS at, t.id AS id, 'care' AS kind,"
                      + " 'customer-care' AS resource, t.id AS record_id, "
                      + Timelines.visible(fields, r, "content", "left(t.content, 200)")
                      + " AS title, t.owner_id AS actor, jsonb_build_object('kind', t.kind,"
                      + " 'occasion', t.occasion, 'doneAt', t.done_at, 'contactId', t.contact_id,"
                      + " 'cost', "
                      + Timelines.visible(fields, r, "cost", "t.cost")
                      + ") AS detail FROM customer_cares t"
                      + " WHERE t.customer_id = ? AND t.deleted_at IS NULL AND ",
                  customer,
                  dataScope.condition(r, "t")));
        });
  }

  @Produces
  TimelineSource ownership() {
    return history(
        "ownership",
        "h.action IN (" + String.join(", ", MOVES.stream().map(m -> "'" + m + "'").toList()) + ")",
        "h.action",
        "jsonb_build_object('action', h.action, 'from', h.changes->'ownerId'->>'old',"
            + " 'to', h.changes->'ownerId'->>'new', 'poolId', h.changes->'poolId'->>'new',"
            + " 'reason', h.changes->'poolEntryReason'->>'new')");
  }

  @Produces
  TimelineSource stages() {
    return history(
        "stage",
        "h.changes->'lifecycleStage' IS NOT NULL",
        "'lifecycleStage'",
        "jsonb_build_object('from', h.changes->'lifecycleStage'->>'old',"
            + " 'to', h.changes->'lifecycleStage'->>'new', 'action', h.action)");
  }

  /** Entries of the customer's own history (the caller reads the customer: checked before). */
  private TimelineSource history(String kind, String condition, String title, String detail) {
    return TimelineSource.of(
        kind,
        customer ->
            Optional.of(
                new SqlFragment(
                    "SELECT h.occurred_at AS at, h.id AS id, '"
                        + kind
                        + "' AS kind, 'customer' AS resource, h.resource_id AS record_id, "
                        + title
                        + " AS title, h.actor AS actor, "
                        + detail
                        + " AS detail FROM history_entries h"
                        + " WHERE h.resource = 'customer' AND h.resource_id = ? AND "
                        + condition,
                    List.of(customer))));
  }
}
