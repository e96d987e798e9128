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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
    return read(query, (after, limit) -> fetch(query, after, limit), visibility);
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

  private List<EventView> fetch(EventQuery query, long after, int limit) {
    String sql = SELECT + (query.allTypes() ? "" : typeFilter(query)) + ORDER;
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
