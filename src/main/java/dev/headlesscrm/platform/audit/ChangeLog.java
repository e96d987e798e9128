package dev.headlesscrm.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Cursor;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.events.EventIds;
import dev.headlesscrm.platform.events.EventOutbox;
import dev.headlesscrm.platform.events.ExactJson;
import dev.headlesscrm.platform.events.NewEvent;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The one place services report their changes. One {@link #record} call per change, inside the
 * service's transaction, writes the history entry and appends the outbox event together, so both
 * exist exactly when the change committed.
 *
 * <pre>{@code
 * DepartmentView before = DepartmentView.of(department);
 * ... change, flush ...
 * DepartmentView after = DepartmentView.of(department);
 * changeLog.record(new ChangeRecord("department", id, after.version(), ChangeLog.UPDATED,
 *     changeLog.diff(before, after), after));
 * }</pre>
 */
@ApplicationScoped
public class ChangeLog {

  public static final String CREATED = "created";
  public static final String UPDATED = "updated";
  public static final String DELETED = "deleted";
  public static final String RESTORED = "restored";
  public static final String ERASED = "erased";
  public static final String MERGED = "merged";
  public static final String TRANSFERRED = "transferred";

  private static final String INSERT_HISTORY =
      """
      INSERT INTO history_entries
          (id, resource, resource_id, version, action, actor, occurred_at, changes)
      VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
      """;

  private static final String SELECT_HISTORY =
      """
      SELECT id, action, version, actor, occurred_at, changes::text
      FROM history_entries
      WHERE resource = ? AND resource_id = ?
      """;

  @Inject EntityManager entityManager;
  @Inject EventOutbox outbox;
  @Inject dev.headlesscrm.platform.persistence.BulkWrites bulk;
  @Inject dev.headlesscrm.platform.idempotency.IdempotencyMarks marks;
  @Inject CurrentPrincipal principal;

  private final ObjectMapper mapper;

  @Inject
  ChangeLog(ObjectMapper application) {
    this.mapper = ExactJson.of(application);
  }

  /**
   * Writes the history entry (unless an update changed no field) and appends the outbox event
   * {@code resource + "." + action}, in the caller's transaction. The actor is the current
   * principal, or null for work no caller asked for (jobs, start-up).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(ChangeRecord change) {
    marks.recorded(change.resource(), change.resourceId(), change.action());
    Instant now = Clock.now();
    UUID actor = actor();
    ObjectNode changes = toJson(change.changes());
    if (!change.changes().isEmpty() || !UPDATED.equals(change.action())) {
      insertHistory(change, EventIds.at(now), actor, now, changes);
    }
    outbox.append(
        new NewEvent(
            EventIds.at(now),
            change.resource() + "." + change.action(),
            now,
            actor,
            change.resource(),
            change.resourceId(),
            change.version(),
            changes,
            change.data() == null ? null : value(change.data())));
  }

  /**
   * Erasure (GDPR-style): removes the record's past values from its history and from the change
   * feed, keeping only who changed which field when. Call it in the erasing transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forget(String resource, UUID resourceId) {
    entityManager
        .createNativeQuery(
            "UPDATE history_entries SET changes = (SELECT coalesce(jsonb_object_agg(key,"
                + " '{\"old\": null, \"new\": null}'::jsonb), '{}'::jsonb)"
                + " FROM jsonb_object_keys(changes) AS key)"
                + " WHERE resource = ?1 AND resource_id = ?2")
        .setParameter(1, resource)
        .setParameter(2, resourceId)
        .executeUpdate();
    entityManager
        .createNativeQuery(
            "UPDATE events SET data = NULL, changes = '{}'::jsonb"
                + " WHERE resource = ?1 AND resource_id = ?2")
        .setParameter(1, resource)
        .setParameter(2, resourceId)
        .executeUpdate();
  }

  /**
   * The changed fields between two views of a record (records, maps or JSON trees), compared as the
   * JSON clients read: top-level fields, numbers by value, nested values as a whole. Either side
   * may be null (a create: every old value is null; an erase: every new value is null). The fields
   * every record carries ({@code id}, {@code version}, {@code createdAt}, {@code createdBy}, {@code
   * updatedAt}, {@code updatedBy}) are ignored.
   */
  public Map<String, FieldChange> diff(Object before, Object after) {
    return ChangeDiff.diff(mapper, before, after);
  }

  /**
   * A record's history, newest first, keyset-paged by (occurred at, id). The caller checks that the
   * record exists and is visible.
   */
  @Transactional
  public Page<HistoryEntryView> history(String resource, UUID resourceId, PageRequest page) {
    HistoryCursor after = page.after() == null ? null : HistoryCursor.of(page.after());
    String sql =
        SELECT_HISTORY
            + (after == null ? "" : " AND (occurred_at, id) < (?, ?)")
            + " ORDER BY occurred_at DESC, id DESC LIMIT ?";
    List<HistoryEntryView> rows =
        entityManager
            .unwrap(Session.class)
            .doReturningWork(
                connection -> {
                  try (PreparedStatement select = connection.prepareStatement(sql)) {
                    int i = 1;
                    select.setString(i++, resource);
                    select.setObject(i++, resourceId);
                    if (after != null) {
                      select.setObject(i++, after.occurredAt().atOffset(ZoneOffset.UTC));
                      select.setObject(i++, after.id());
                    }
                    select.setInt(i, page.limit() + 1);
                    List<HistoryEntryView> result = new ArrayList<>();
                    try (ResultSet rs = select.executeQuery()) {
                      while (rs.next()) {
                        result.add(
                            new HistoryEntryView(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getObject(4, UUID.class),
                                rs.getObject(5, OffsetDateTime.class).toInstant(),
                                fromJson(rs.getString(6))));
                      }
                    }
                    return result;
                  }
                });
    boolean hasMore = rows.size() > page.limit();
    List<HistoryEntryView> data = hasMore ? rows.subList(0, page.limit()) : rows;
    String next = null;
    if (hasMore) {
      HistoryEntryView last = data.get(data.size() - 1);
      next = Cursor.encode(List.of(last.occurredAt().toString(), last.id().toString()));
    }
    return new Page<>(List.copyOf(data), new PageInfo(page.limit(), next, hasMore, null));
  }

  private void insertHistory(
      ChangeRecord change, UUID id, UUID actor, Instant occurredAt, ObjectNode changes) {
    String json = text(changes);
    bulk.insert(
        INSERT_HISTORY,
        insert -> {
          insert.setObject(1, id);
          insert.setString(2, change.resource());
          insert.setObject(3, change.resourceId());
          insert.setLong(4, change.version());
          insert.setString(5, change.action());
          insert.setObject(6, actor, Types.OTHER);
          insert.setObject(7, occurredAt.atOffset(ZoneOffset.UTC));
          insert.setString(8, json);
        });
  }

  /** The current principal's id, or null when no request is being served (as AuditListener). */
  private UUID actor() {
    if (!Arc.container().requestContext().isActive()) {
      return null;
    }
    return principal.idOrNull();
  }

  private ObjectNode toJson(Map<String, FieldChange> changes) {
    ObjectNode json = mapper.createObjectNode();
    changes.forEach(
        (field, change) -> {
          ObjectNode pair = json.putObject(field);
          pair.set("old", value(change.old()));
          pair.set("new", value(change.current()));
        });
    return json;
  }

  /** A value as REST responses show it. */
  private JsonNode value(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    return value instanceof JsonNode node ? node : mapper.valueToTree(value);
  }

  private Map<String, FieldChange> fromJson(String text) {
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    try {
      mapper
          .readTree(text)
          .fields()
          .forEachRemaining(
              field ->
                  changes.put(
                      field.getKey(),
                      new FieldChange(
                          nullable(field.getValue().get("old")),
                          nullable(field.getValue().get("new")))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A history entry holds invalid JSON", e);
    }
    return changes;
  }

  private static JsonNode nullable(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  private String text(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A history entry could not be written as JSON", e);
    }
  }

  /** The keyset position of a history page: the last entry's time and id. */
  private record HistoryCursor(Instant occurredAt, UUID id) {

    static HistoryCursor of(List<String> values) {
      try {
        if (values.size() == 2) {
          return new HistoryCursor(Instant.parse(values.get(0)), UUID.fromString(values.get(1)));
        }
      } catch (DateTimeParseException | IllegalArgumentException e) {
        // falls through to the problem below
      }
      throw CrmException.malformed(
          Text.of("The cursor does not belong to this list.", "cursor 不属于此列表。"));
    }
  }
}
