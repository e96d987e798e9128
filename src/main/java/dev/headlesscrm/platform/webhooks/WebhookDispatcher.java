package dev.headlesscrm.platform.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.events.EventFeed;
import dev.headlesscrm.platform.events.EventIds;
import dev.headlesscrm.platform.events.EventQuery;
import dev.headlesscrm.platform.events.EventView;
import dev.headlesscrm.platform.events.EventVisibility;
import dev.headlesscrm.platform.events.ExactJson;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.persistence.Sql;
import dev.headlesscrm.platform.query.FilterCompiler;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.security.Caller;
import dev.headlesscrm.platform.security.RunAs;
import dev.headlesscrm.platform.security.StoredCaller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Fan-out: turns published events into deliveries, one per matching active subscription, with the
 * payload fixed as the subscription's owner may see the event (function permission, data scope,
 * field permissions: {@link EventVisibility} run as the owner) and, when the subscription has a
 * filter, only for records that match it.
 *
 * <p>The feed position is one row ({@code webhook_fanout}); a step locks it ({@code FOR UPDATE SKIP
 * LOCKED}), so one replica fans out at a time, and writes the deliveries and the new position in
 * one transaction: a step that fails or dies leaves the position where it was, and the unique key
 * on (subscription, event) makes a repeated step add nothing twice. Deliveries asked for by hand
 * (redeliveries and replays) are worked through here too, a chunk per step.
 */
@ApplicationScoped
public class WebhookDispatcher {

  static final int CHUNK = 500;

  @Inject Sql sql;
  @Inject EventFeed feed;
  @Inject EventVisibility visibility;
  @Inject RunAs runAs;
  @Inject ResourceRegistry registry;
  @Inject WebhookService subscriptions;

  private final ObjectMapper mapper;

  @Inject
  WebhookDispatcher(ObjectMapper application) {
    this.mapper = ExactJson.of(application);
  }

  /** A subscription as fan-out needs it. */
  record Subscriber(
      UUID id,
      EventQuery types,
      List<String> patterns,
      String filter,
      long startsAfter,
      Caller owner) {}

  /**
   * Fans out what was published since the last step, a chunk at a time, until caught up.
   *
   * @return how many events were read; 0 when another replica is fanning out
   */
  public int fanOut() {
    int total = 0;
    while (true) {
      int read = QuarkusTransaction.requiringNew().call(this::fanOutChunk);
      if (read <= 0) {
        return total;
      }
      total += read;
      if (read < CHUNK) {
        return total;
      }
    }
  }

  /** Works through the redeliveries and replays asked for, a chunk at a time. */
  public int replay() {
    int total = 0;
    while (true) {
      Integer read = QuarkusTransaction.requiringNew().call(this::replayChunk);
      if (read == null) {
        return total;
      }
      total += read;
    }
  }

  private int fanOutChunk() {
    Optional<Long> position =
        sql.one(
            "SELECT after_sequence FROM webhook_fanout WHERE id = 1 FOR UPDATE SKIP LOCKED",
            r -> r.getLong(1));
    if (position.isEmpty()) {
      return -1;
    }
    List<EventView> events = feed.published(position.get(), CHUNK);
    if (events.isEmpty()) {
      return 0;
    }
    for (Subscriber s : subscribers(null)) {
      queue(
          s,
          events.stream()
              .filter(e -> e.sequence() > s.startsAfter() && s.types().matches(e.type()))
              .toList(),
          "EVENT");
    }
    sql.update(
        "UPDATE webhook_fanout SET after_sequence = ? WHERE id = 1",
        events.get(events.size() - 1).sequence());
    return events.size();
  }

  /** A redelivery or replay still queueing events. */
  private record Replay(
      UUID id, UUID subscription, UUID event, Instant from, Instant to, long after) {}

  /** One chunk of the oldest running replay; null when none is waiting. */
  private Integer replayChunk() {
    Optional<Replay> found =
        sql.one(
            "SELECT id, subscription_id, event_id, from_time, to_time, after_sequence"
                + " FROM webhook_replays WHERE status = 'RUNNING'"
                + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            r ->
                new Replay(
                    Sql.uuid(r, 1),
                    Sql.uuid(r, 2),
                    Sql.uuid(r, 3),
                    Sql.instant(r, 4),
                    Sql.instant(r, 5),
                    r.getLong(6)));
    if (found.isEmpty()) {
      return null;
    }
    Replay replay = found.get();
    int queued = 0;
    boolean done = true;
    long after = replay.after();
    for (Subscriber s : subscribers(replay.subscription())) {
      if (replay.event() != null) {
        queued = queue(s, feed.published(replay.event()).stream().toList(), "REDELIVERY");
      } else {
        List<EventView> events = feed.publishedBetween(replay.from(), replay.to(), after, CHUNK);
        queued =
            queue(s, events.stream().filter(e -> s.types().matches(e.type())).toList(), "REPLAY");
        if (!events.isEmpty()) {
          after = events.get(events.size() - 1).sequence();
        }
        done = events.size() < CHUNK;
      }
    }
    sql.update(
        "UPDATE webhook_replays SET after_sequence = ?, queued = queued + ?, status = ?,"
            + " finished_at = ? WHERE id = ?",
        after,
        queued,
        done ? "DONE" : "RUNNING",
        done ? Clock.now() : null,
        replay.id());
    return Math.max(1, queued);
  }

  /**
   * Queues the events the subscriber may see (and that match its filter), each with its payload, in
   * one statement (a repeated step adds nothing twice).
   *
   * @return how many deliveries were added
   */
  private int queue(Subscriber s, List<EventView> events, String reason) {
    if (events.isEmpty()) {
      return 0;
    }
    List<EventView> visible = runAs.call(s.owner(), () -> visibility.visible(events));
    if (s.filter() != null && !visible.isEmpty()) {
      Set<UUID> matching = matching(s, visible);
      visible = visible.stream().filter(e -> matching.contains(e.resourceId())).toList();
    }
    if (visible.isEmpty()) {
      return 0;
    }
    Instant now = Clock.now();
    List<Object> ids = new ArrayList<>();
    List<Object> payloads = new ArrayList<>();
    for (EventView e : visible) {
      ids.add(EventIds.at(now));
      payloads.add(json(e));
    }
    return sql.update(
        "INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_sequence,"
            + " event_type, resource, resource_id, payload, reason, status, attempts,"
            + " next_attempt_at, created_at)"
            + " SELECT d.id, ?, d.event_id, d.event_sequence, d.event_type, d.resource,"
            + " d.resource_id, d.payload, ?, 'PENDING', 0, ?, ?"
            + " FROM unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::uuid[],"
            + " ?::text[]) AS d (id, event_id, event_sequence, event_type, resource, resource_id,"
            + " payload)"
            + " ON CONFLICT DO NOTHING",
        s.id(),
        reason,
        now,
        now,
        Sql.array("uuid", ids),
        Sql.array("uuid", visible.stream().map(EventView::id).toList()),
        Sql.array("bigint", visible.stream().map(EventView::sequence).toList()),
        Sql.array("text", visible.stream().map(EventView::type).toList()),
        Sql.array("text", visible.stream().map(EventView::resource).toList()),
        Sql.array("uuid", visible.stream().map(EventView::resourceId).toList()),
        Sql.array("text", payloads));
  }

  /** The events' records that match the subscriber's filter, as they are now. */
  private Set<UUID> matching(Subscriber s, List<EventView> events) {
    Optional<ResourceSpec> spec = subscriptions.filteredResource(s.patterns());
    if (spec.isEmpty()) {
      return Set.of();
    }
    SqlFragment condition;
    try {
      condition = FilterCompiler.compile(registry, spec.get(), s.filter());
    } catch (RuntimeException e) {
      return Set.of(); // a filter that no longer compiles (a field was removed) matches nothing
    }
    List<Object> params = new ArrayList<>();
    params.add(Sql.array("uuid", events.stream().map(EventView::resourceId).toList()));
    params.addAll(condition.params());
    return new HashSet<>(
        sql.list(
            "SELECT t.id FROM "
                + spec.get().table()
                + " t WHERE t.id = ANY (?) AND ("
                + condition.sql()
                + ")",
            r -> Sql.uuid(r, 1),
            params.toArray()));
  }

  /** Active subscriptions (all, or the one given whatever its state). */
  private List<Subscriber> subscribers(UUID only) {
    return sql.list(
        "SELECT id, event_types, filter, starts_after, "
            + StoredCaller.COLUMNS
            + " FROM webhook_subscriptions"
            + " WHERE deleted_at IS NULL"
            + (only == null ? " AND active" : " AND id = ?"),
        r -> {
          List<String> patterns = strings(r, 2);
          return new Subscriber(
              Sql.uuid(r, 1),
              EventQuery.parse(null, String.join(",", patterns), null),
              patterns,
              r.getString(3),
              r.getLong(4),
              StoredCaller.read(r, 5));
        },
        only == null ? new Object[0] : new Object[] {only});
  }

  private static List<String> strings(ResultSet r, int column) throws SQLException {
    java.sql.Array array = r.getArray(column);
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  private String json(EventView event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event could not be written as JSON", e);
    }
  }
}
