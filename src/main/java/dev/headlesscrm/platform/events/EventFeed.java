package dev.headlesscrm.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Reads the change feed: published events (those with a sequence) in sequence order, filtered by
 * type patterns and by {@link EventVisibility}.
 */
@ApplicationScoped
public class EventFeed {

  /** When visibility hides events, a page reads on, but never more than this many pages' worth. */
  static final int MAX_SCAN_FACTOR = 10;

  private static final String SELECT =
      """
      SELECT id, sequence, type, occurred_at, actor, resource, resource_id, version,
             changes::text, data::text
      FROM events
      WHERE sequence > ?
      """;

  private static final String ORDER = " ORDER BY sequence LIMIT ?";

  @Inject EntityManager entityManager;
  @Inject EventVisibility visibility;

  private final ObjectMapper mapper;

  @Inject
  EventFeed(ObjectMapper application) {
    this.mapper = ExactJson.of(application);
  }

  @Transactional
  public EventPage read(EventQuery query) {
    return read(query, (after, limit) -> fetch(query, "", List.of(), after, limit), visibility);
  }

  /**
   * Published events after a sequence, every type, as stored: no visibility applied. For the
   * platform's own readers (webhook fan-out), which apply visibility as their subscriber.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<EventView> published(long after, int limit) {
    return fetch(new EventQuery(after, Set.of(), Set.of(), limit), "", List.of(), after, limit);
  }

  /** Published events that occurred in [from, to), after a sequence, as stored. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<EventView> publishedBetween(Instant from, Instant to, long after, int limit) {
    return fetch(
        new EventQuery(after, Set.of(), Set.of(), limit),
        " AND id >= ? AND id < ?",
        List.of(EventIds.lowerBound(from), EventIds.lowerBound(to)),
        after,
        limit);
  }

  /** One published event, as stored, while it is retained. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<EventView> published(UUID id) {
    return fetch(new EventQuery(0, Set.of(), Set.of(), 1), " AND id = ?", List.of(id), 0, 1)
        .stream()
        .findFirst();
  }

  /** Published events matching the query's types, after a sequence, in sequence order. */
  interface Rows {
    List<EventView> after(long sequence, int limit);
  }

  /**
   * One page: reads on past events the caller may not see until the page is full, the feed is
   * exhausted, or {@link #MAX_SCAN_FACTOR} pages' worth were read. {@code nextAfter} is the last
   * sequence read, seen or not, so hidden events are never read twice.
   */
  static EventPage read(EventQuery query, Rows rows, EventVisibility visibility) {
    List<EventView> visible = new ArrayList<>();
    long position = query.after();
    int scanned = 0;
    boolean hasMore;
    while (true) {
      int wanted = query.limit() - visible.size();
      List<EventView> read = rows.after(position, wanted + 1);
      hasMore = read.size() > wanted;
      List<EventView> page = hasMore ? read.subList(0, wanted) : read;
      if (!page.isEmpty()) {
        position = page.get(page.size() - 1).sequence();
      }
      scanned += page.size();
      visible.addAll(visibility.visible(page));
      if (!hasMore
          || visible.size() >= query.limit()
          || scanned >= query.limit() * MAX_SCAN_FACTOR) {
        break;
      }
    }
    return new EventPage(
        List.copyOf(visible), new EventPage.Info(query.limit(), position, hasMore));
  }

  /**
   * Exact types by equality, each prefix as a range ({@code customer.} is [{@code customer.},
   * {@code customer/})): column type has collation "C", so both read events_type_sequence_idx,
   * whatever plan a prepared statement gets.
   */
  private static String typeFilter(EventQuery query) {
    StringBuilder sql = new StringBuilder(" AND (type = ANY (?)");
    query.typePrefixes().forEach(prefix -> sql.append(" OR (type >= ? AND type < ?)"));
    return sql.append(")").toString();
  }

  private List<EventView> fetch(
      EventQuery query, String condition, List<Object> params, long after, int limit) {
    String sql = SELECT + (query.allTypes() ? "" : typeFilter(query)) + condition + ORDER;
    return entityManager
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = 1;
                select.setLong(i++, after);
                if (!query.allTypes()) {
                  select.setArray(
                      i++, connection.createArrayOf("text", query.exactTypes().toArray()));
                  for (String prefix : query.typePrefixes()) {
                    select.setString(i++, prefix);
                    select.setString(i++, upperBound(prefix));
                  }
                }
                for (Object param : params) {
                  select.setObject(i++, param);
                }
                select.setInt(i, limit);
                List<EventView> rows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                  while (rs.next()) {
                    rows.add(row(rs));
                  }
                }
                return rows;
              }
            });
  }

  private EventView row(ResultSet rs) throws SQLException {
    return new EventView(
        rs.getObject(1, UUID.class),
        rs.getLong(2),
        rs.getString(3),
        rs.getObject(4, OffsetDateTime.class).toInstant(),
        rs.getObject(5, UUID.class),
        rs.getString(6),
        rs.getObject(7, UUID.class),
        rs.getLong(8),
        json(rs.getString(9)),
        json(rs.getString(10)));
  }

  private JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event holds invalid JSON", e);
    }
  }

  /** The first string after every string that starts with {@code prefix} (non-empty, ASCII). */
  static String upperBound(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }
}
