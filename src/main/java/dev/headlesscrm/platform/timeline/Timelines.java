package dev.headlesscrm.platform.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Cursor;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.QueryEngine;
import dev.headlesscrm.platform.query.SqlFragment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Merges the timeline sources of one customer newest first: each branch is ordered and limited on
 * its own (so each reads its index from the cursor on), then the union is ordered and cut again;
 * the cursor is the last item's (at, id).
 */
@ApplicationScoped
public class Timelines {

  @Inject Instance<TimelineSource> sources;
  @Inject QueryEngine engine;
  @Inject ObjectMapper json;

  public Set<String> kinds() {
    Set<String> kinds = new TreeSet<>();
    sources.forEach(s -> kinds.add(s.kind()));
    return kinds;
  }

  /** A page of the customer's timeline (the caller may read the customer: checked before). */
  public Page<TimelineItem> page(
      UUID customerId, List<String> kinds, Integer limit, String cursor) {
    Set<String> known = kinds();
    if (kinds != null) {
      for (String kind : kinds) {
        if (!known.contains(kind)) {
          throw CrmException.invalidParameter(
              "kind",
              "unknown",
              Text.of("Not a timeline kind; one of " + known + ".", "没有这种时间线类型；可选：" + known + "。"));
        }
      }
    }
    PageRequest page = PageRequest.of(limit, cursor);
    Instant afterAt = null;
    UUID afterId = null;
    if (page.after() != null && !page.after().isEmpty()) {
      try {
        if (page.after().size() != 2) {
          throw new IllegalArgumentException("not a timeline cursor");
        }
        afterAt = Instant.parse(page.after().get(0));
        afterId = UUID.fromString(page.after().get(1));
      } catch (RuntimeException e) {
        throw CrmException.invalidParameter(
            "cursor", "invalid", Text.of("Not a cursor of this timeline.", "游标无效。"));
      }
    }
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (TimelineSource source : sources) {
      if (kinds != null && !kinds.isEmpty() && !kinds.contains(source.kind())) {
        continue;
      }
      Optional<SqlFragment> branch = source.select(customerId);
      if (branch.isEmpty()) {
        continue;
      }
      if (!sql.isEmpty()) {
        sql.append(" UNION ALL ");
      }
      sql.append("(SELECT * FROM (").append(branch.get().sql()).append(") b");
      params.addAll(branch.get().params());
      if (afterAt != null) {
        sql.append(" WHERE (b.at, b.id) < (?, ?)");
        params.add(Timestamp.from(afterAt));
        params.add(afterId);
      }
      sql.append(" ORDER BY b.at DESC, b.id DESC LIMIT ").append(page.limit() + 1).append(")");
    }
    if (sql.isEmpty()) {
      return new Page<>(List.of(), new PageInfo(page.limit(), null, false, null));
    }
    String all =
        "SELECT at, id, kind, resource, record_id, title, actor, CAST(detail AS text) FROM ("
            + sql
            + ") u ORDER BY at DESC, id DESC LIMIT "
            + (page.limit() + 1);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        (List<Object[]>) (List<?>) engine.nativeQuery(new SqlFragment(all, params)).getResultList();
    boolean more = rows.size() > page.limit();
    List<TimelineItem> items = new ArrayList<>();
    for (Object[] row : rows.subList(0, Math.min(rows.size(), page.limit()))) {
      items.add(
          new TimelineItem(
              (UUID) row[1],
              (String) row[2],
              instant(row[0]),
              (String) row[3],
              (UUID) row[4],
              (String) row[5],
              (UUID) row[6],
              detail((String) row[7])));
    }
    String next = null;
    if (more) {
      TimelineItem last = items.get(items.size() - 1);
      next = Cursor.encode(List.of(last.at().toString(), last.id().toString()));
    }
    return new Page<>(items, new PageInfo(page.limit(), next, more, null));
  }

  /**
   * For sources: {@code expr} when the caller may see the field, else SQL NULL (a hidden amount is
   * not in the timeline either).
   */
  public static String visible(
      dev.headlesscrm.platform.query.FieldVisibility fields,
      String resource,
      String field,
      String expr) {
    return fields.hidden(resource, field) ? "NULL" : expr;
  }

  private Map<String, String> detail(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    try {
      JsonNode node = json.readTree(text);
      node.fields()
          .forEachRemaining(
              e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return (Instant) value;
  }
}
