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
import dev.headlesscrm.platform.query.FilterCompiler;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.security.Caller;
import dev.headlesscrm.platform.security.RunAs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

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

  @Inject EntityManager em;
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
    Long position =
        work(
            c -> {
              try (PreparedStatement q =
                      c.prepareStatement(
                          "SELECT after_sequence FROM webhook_fanout WHERE id = 1"
                              + " FOR UPDATE SKIP LOCKED");
                  ResultSet r = q.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
              }
            });
    if (position == null) {
      return -1;
    }
    List<EventView> events = feed.published(position, CHUNK);
    if (events.isEmpty()) {
      return 0;
    }
    for (Subscriber s : subscribers(null)) {
      List<EventView> mine =
          events.stream()
              .filter(e -> e.sequence() > s.startsAfter() && s.types().matches(e.type()))
              .toList();
      queue(s, mine, "EVENT");
    }
    long last = events.get(events.size() - 1).sequence();
    work(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement("UPDATE webhook_fanout SET after_sequence = ? WHERE id = 1")) {
            u.setLong(1, last);
            return u.executeUpdate();
          }
        });
    return events.size();
  }

  /** One chunk of the oldest running replay; null when none is waiting. */
  private Integer replayChunk() {
    Object[] replay =
        work(
            c -> {
              try (PreparedStatement q =
                      c.prepareStatement(
                          "SELECT id, subscription_id, event_id, from_time, to_time,"
                              + " after_sequence FROM webhook_replays WHERE status = 'RUNNING'"
                              + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED");
                  ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                  return null;
                }
                return new Object[] {
                  r.getObject(1, UUID.class),
                  r.getObject(2, UUID.class),
                  r.getObject(3, UUID.class),
                  r.getObject(4, OffsetDateTime.class),
                  r.getObject(5, OffsetDateTime.class),
                  r.getLong(6)
                };
              }
            });
    if (replay == null) {
      return null;
    }
    UUID id = (UUID) replay[0];
    List<Subscriber> found = subscribers((UUID) replay[1]);
    int queued = 0;
    boolean done = true;
    long after = (Long) replay[5];
    if (!found.isEmpty()) {
      Subscriber s = found.get(0);
      if (replay[2] != null) {
        List<EventView> one = feed.published((UUID) replay[2]).stream().toList();
        queued = queue(s, one, "REDELIVERY");
      } else {
        List<EventView> events =
            feed.publishedBetween(
                ((OffsetDateTime) replay[3]).toInstant(),
                ((OffsetDateTime) replay[4]).toInstant(),
                after,
                CHUNK);
        queued =
            queue(s, events.stream().filter(e -> s.types().matches(e.type())).toList(), "REPLAY");
        if (!events.isEmpty()) {
          after = events.get(events.size() - 1).sequence();
        }
        done = events.size() < CHUNK;
      }
    }
    long position = after;
    int added = queued;
    boolean finished = done;
    work(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "UPDATE webhook_replays SET after_sequence = ?, queued = queued + ?,"
                      + " status = ?, finished_at = ? WHERE id = ?")) {
            u.setLong(1, position);
            u.setInt(2, added);
            u.setString(3, finished ? "DONE" : "RUNNING");
            u.setObject(4, finished ? Clock.now().atOffset(ZoneOffset.UTC) : null);
            u.setObject(5, id);
            return u.executeUpdate();
          }
        });
    return Math.max(1, added);
  }

  /**
   * Queues the events the subscriber may see (and that match its filter), each with its payload.
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
    List<EventView> toQueue = visible;
    int n = toQueue.size();
    Object[] ids = new Object[n];
    Object[] eventIds = new Object[n];
    Object[] sequences = new Object[n];
    Object[] types = new Object[n];
    Object[] resources = new Object[n];
    Object[] resourceIds = new Object[n];
    Object[] payloads = new Object[n];
    for (int i = 0; i < n; i++) {
      EventView e = toQueue.get(i);
      ids[i] = EventIds.at(now);
      eventIds[i] = e.id();
      sequences[i] = e.sequence();
      types[i] = e.type();
      resources[i] = e.resource();
      resourceIds[i] = e.resourceId();
      payloads[i] = json(e);
    }
    // One statement for the whole set, so that its count is exact (a repeated step adds nothing).
    return work(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_sequence,"
                      + " event_type, resource, resource_id, payload, reason, status, attempts,"
                      + " next_attempt_at, created_at)"
                      + " SELECT d.id, ?, d.event_id, d.event_sequence, d.event_type, d.resource,"
                      + " d.resource_id, d.payload, ?, 'PENDING', 0, ?, ?"
                      + " FROM unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::text[], ?::text[],"
                      + " ?::uuid[], ?::text[]) AS d (id, event_id, event_sequence, event_type,"
                      + " resource, resource_id, payload)"
                      + " ON CONFLICT DO NOTHING")) {
            insert.setObject(1, s.id());
            insert.setString(2, reason);
            insert.setObject(3, now.atOffset(ZoneOffset.UTC));
            insert.setObject(4, now.atOffset(ZoneOffset.UTC));
            insert.setArray(5, c.createArrayOf("uuid", ids));
            insert.setArray(6, c.createArrayOf("uuid", eventIds));
            insert.setArray(7, c.createArrayOf("bigint", sequences));
            insert.setArray(8, c.createArrayOf("text", types));
            insert.setArray(9, c.createArrayOf("text", resources));
            insert.setArray(10, c.createArrayOf("uuid", resourceIds));
            insert.setArray(11, c.createArrayOf("text", payloads));
            return insert.executeUpdate();
          }
        });
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
    String sql =
        "SELECT t.id FROM "
            + spec.get().table()
            + " t WHERE t.id = ANY (?) AND ("
            + condition.sql()
            + ")";
    return work(
        c -> {
          try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setArray(
                1, c.createArrayOf("uuid", events.stream().map(EventView::resourceId).toArray()));
            int i = 2;
            for (Object param : condition.params()) {
              q.setObject(i++, param);
            }
            Set<UUID> ids = new HashSet<>();
            try (ResultSet r = q.executeQuery()) {
              while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
              }
            }
            return ids;
          }
        });
  }

  /** Active subscriptions (all, or the one given whatever its state). */
  private List<Subscriber> subscribers(UUID only) {
    String sql =
        "SELECT id, event_types, filter, starts_after, owner_subject, owner_username,"
            + " owner_client_id, owner_service_account, owner_roles FROM webhook_subscriptions"
            + " WHERE deleted_at IS NULL"
            + (only == null ? " AND active" : " AND id = ?");
    return work(
        c -> {
          List<Subscriber> out = new ArrayList<>();
          try (PreparedStatement q = c.prepareStatement(sql)) {
            if (only != null) {
              q.setObject(1, only);
            }
            try (ResultSet r = q.executeQuery()) {
              while (r.next()) {
                List<String> patterns = strings(r, 2);
                out.add(
                    new Subscriber(
                        r.getObject(1, UUID.class),
                        EventQuery.parse(null, String.join(",", patterns), null),
                        patterns,
                        r.getString(3),
                        r.getLong(4),
                        new Caller(
                            r.getString(5),
                            r.getString(6),
                            null,
                            null,
                            r.getString(7),
                            r.getBoolean(8),
                            strings(r, 9))));
              }
            }
          }
          return out;
        });
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

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T work(Work<T> work) {
    return em.unwrap(Session.class).doReturningWork(work::run);
  }
}
