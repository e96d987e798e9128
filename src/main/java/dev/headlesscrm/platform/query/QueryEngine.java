package dev.headlesscrm.platform.query;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Cursor;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * Runs list queries for any declared resource: filter, free text, sort and keyset paging over the
 * sort values (never OFFSET, so page 10,000 costs what page 1 does), optional exact count. The
 * caller passes the scope conditions it must enforce (a parent record, later data permissions).
 */
@ApplicationScoped
public class QueryEngine {

  private static final String NULL = "\u0000";

  @Inject EntityManager em;
  @Inject ResourceRegistry registry;
  @Inject FieldVisibility visibility;
  @Inject RelationScope relationScope;
  @Inject jakarta.enterprise.inject.Instance<RuntimeFields> runtimeFields;

  /** One page of entities and where it ends. */
  public record Slice<E>(List<E> rows, PageInfo page) {}

  public <E> Slice<E> page(
      ResourceSpec declared, Class<E> entity, ListQuery query, SqlFragment scope) {
    ResourceSpec spec = extended(declared);
    PageRequest request = query.page();
    List<SortKey> keys = SortKey.parse(spec, query.sort(), visibility);
    boolean idDescending = !keys.isEmpty() && keys.get(keys.size() - 1).descending();
    SqlFragment where = where(spec, query, scope);
    if (request.after() != null) {
      where = where.and(after(keys, idDescending, request.after(), SortKey.describe(keys)));
    }
    StringBuilder sql = new StringBuilder("SELECT {t.*}");
    for (int i = 0; i < keys.size(); i++) {
      sql.append(", ").append(keys.get(i).field().sql("t")).append(" AS k").append(i);
    }
    sql.append(" FROM ").append(spec.table()).append(" t WHERE ").append(where.sql());
    sql.append(" ORDER BY ");
    for (SortKey key : keys) {
      sql.append(key.field().sql("t"))
          .append(key.descending() ? " DESC NULLS FIRST, " : " ASC NULLS LAST, ");
    }
    sql.append("t.id").append(idDescending ? " DESC" : " ASC");
    sql.append(" LIMIT ").append(request.limit() + 1);

    NativeQuery<?> nativeQuery = sqlQuery(sql.toString(), where.params());
    nativeQuery.addEntity("t", entity);
    for (int i = 0; i < keys.size(); i++) {
      nativeQuery.addScalar("k" + i);
    }
    List<?> raw = nativeQuery.getResultList();
    boolean hasMore = raw.size() > request.limit();
    List<E> rows = new ArrayList<>();
    Object[] last = null;
    for (int i = 0; i < Math.min(raw.size(), request.limit()); i++) {
      Object row = raw.get(i);
      Object[] cells = row instanceof Object[] array ? array : new Object[] {row};
      rows.add(entity.cast(cells[0]));
      last = cells;
    }
    fetchCollections(entity, rows);
    String next = hasMore && last != null ? cursor(keys, last) : null;
    Long total = query.counting() ? count(spec, query, scope) : null;
    return new Slice<>(rows, new PageInfo(request.limit(), next, hasMore, total));
  }

  /** A row and the target it points at, as {@link #referring} returns them. */
  public record Referring<E>(E row, UUID target) {}

  /**
   * The live rows pointing at each target through {@code column}, at most {@code limit} per target
   * in creation (id) order, within {@code scope}: one statement for any number of targets, so a
   * batched GraphQL relation costs the same for 5 parents as for 500.
   */
  public <E> List<Referring<E>> referring(
      ResourceSpec spec,
      Class<E> entity,
      String column,
      java.util.Collection<UUID> targets,
      int limit,
      SqlFragment scope) {
    if (targets.isEmpty()) {
      return List.of();
    }
    SqlFragment where =
        new SqlFragment(
                "t."
                    + column
                    + " IN ("
                    + String.join(", ", targets.stream().map(t -> "?").toList())
                    + ")",
                List.copyOf(targets))
            .and(spec.softDelete() ? SqlFragment.of("t.deleted_at IS NULL") : SqlFragment.TRUE)
            .and(scope == null ? SqlFragment.TRUE : scope);
    List<Object> params = new ArrayList<>(where.params());
    params.add(limit);
    String sql =
        "SELECT {r.*}, r."
            + column
            + " AS target FROM "
            + spec.table()
            + " r WHERE r.id IN (SELECT x.id FROM (SELECT t.id, row_number() OVER (PARTITION BY t."
            + column
            + " ORDER BY t.id) AS n FROM "
            + spec.table()
            + " t WHERE "
            + where.sql()
            + ") x WHERE x.n <= ?) ORDER BY r.id";
    NativeQuery<?> query = sqlQuery(sql, params);
    query.addEntity("r", entity);
    query.addScalar("target");
    List<Referring<E>> out = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] cells = (Object[]) row;
      out.add(new Referring<>(entity.cast(cells[0]), (UUID) cells[1]));
    }
    fetchCollections(entity, out.stream().map(Referring::row).toList());
    return out;
  }

  /**
   * Loads the collections (lines, stages, steps) of these rows with one statement per collection,
   * where views reading them one row at a time would cost one statement per row.
   */
  public <E> void fetchCollections(Class<E> entity, List<E> rows) {
    if (rows.size() < 2) {
      return;
    }
    jakarta.persistence.metamodel.EntityType<E> type = em.getMetamodel().entity(entity);
    if (type.getPluralAttributes().isEmpty()) {
      return;
    }
    List<UUID> ids = rows.stream().map(QueryEngine::idOf).toList();
    for (var collection : type.getPluralAttributes()) {
      em.createQuery(
              "select distinct e from "
                  + type.getName()
                  + " e left join fetch e."
                  + collection.getName()
                  + " where e.id in :ids",
              entity)
          .setParameter("ids", ids)
          .getResultList();
    }
  }

  /** Every live row matching the query, in pages, for exports: memory stays flat. */
  public long count(ResourceSpec spec, ListQuery query, SqlFragment scope) {
    SqlFragment where = where(extended(spec), query, scope);
    Object n =
        sqlQuery("SELECT count(*) FROM " + spec.table() + " t WHERE " + where.sql(), where.params())
            .getSingleResult();
    return ((Number) n).longValue();
  }

  /** The spec with the fields defined at run time (custom fields), which filter and sort too. */
  public ResourceSpec extended(ResourceSpec spec) {
    return runtimeFields.isResolvable() ? runtimeFields.get().extend(spec) : spec;
  }

  private SqlFragment where(ResourceSpec spec, ListQuery query, SqlFragment scope) {
    SqlFragment where =
        spec.softDelete() && !query.withDeleted()
            ? SqlFragment.of("t.deleted_at IS NULL")
            : SqlFragment.TRUE;
    where = where.and(scope == null ? SqlFragment.TRUE : scope);
    where =
        where.and(
            FilterCompiler.compile(registry, visibility, relationScope, spec, query.filter()));
    if (query.q() != null && !query.q().isBlank()) {
      if (spec.search() == null) {
        throw CrmException.malformed(
            Text.of("This list has no free-text search (q).", "此列表不支持全文搜索（q）。"));
      }
      where = where.and(spec.search().apply(query.q()));
    }
    return where;
  }

  /** A native query of a fragment written with {@code ?} placeholders, its values bound. */
  public NativeQuery<?> nativeQuery(SqlFragment fragment) {
    return sqlQuery(fragment.sql(), fragment.params());
  }

  private NativeQuery<?> sqlQuery(String sql, List<Object> params) {
    StringBuilder numbered = new StringBuilder();
    int n = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '?') {
        numbered.append('?').append(++n);
      } else {
        numbered.append(c);
      }
    }
    NativeQuery<?> query = em.unwrap(Session.class).createNativeQuery(numbered.toString());
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    return query;
  }

  private static String cursor(List<SortKey> keys, Object[] lastRow) {
    List<String> values = new ArrayList<>();
    values.add(SortKey.describe(keys));
    for (int i = 0; i < keys.size(); i++) {
      Object v = lastRow[i + 1];
      values.add(v == null ? NULL : keys.get(i).field().type().format(v));
    }
    values.add(idOf(lastRow[0]).toString());
    return Cursor.encode(values);
  }

  private static UUID idOf(Object entity) {
    return ((dev.headlesscrm.platform.persistence.BaseEntity) entity).id;
  }

  /** The keyset condition: rows strictly after the last row of the previous page. */
  static SqlFragment after(
      List<SortKey> keys, boolean idDescending, List<String> cursor, String sort) {
    if (cursor.size() != keys.size() + 2 || !cursor.get(0).equals(sort)) {
      throw CrmException.malformed(
          Text.of(
              "The cursor belongs to another sort or list; start again without it.",
              "cursor 属于另一种排序或列表，请不带 cursor 重新开始。"));
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String raw = cursor.get(i + 1);
      Field f = keys.get(i).field();
      values.add(raw.equals(NULL) ? null : f.type().parse(f.name(), raw, f.enumType()));
    }
    UUID lastId = (UUID) FieldType.UUID_.parse("cursor", cursor.get(cursor.size() - 1), null);

    boolean uniform =
        keys.stream().allMatch(k -> !k.field().nullable() && k.descending() == idDescending);
    if (uniform) {
      // One row comparison, which a composite index on the sort columns serves directly.
      StringBuilder left = new StringBuilder("(");
      StringBuilder right = new StringBuilder("(");
      List<Object> params = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        left.append(keys.get(i).field().sql("t")).append(", ");
        right.append("?, ");
        params.add(values.get(i));
      }
      left.append("t.id)");
      right.append("?)");
      params.add(lastId);
      return new SqlFragment(left + (idDescending ? " < " : " > ") + right, params);
    }
    // Lexicographic expansion with NULLs sorting last ascending and first descending.
    List<String> ors = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (int i = 0; i <= keys.size(); i++) {
      List<String> ands = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        String col = keys.get(j).field().sql("t");
        if (values.get(j) == null) {
          ands.add(col + " IS NULL");
        } else {
          ands.add(col + " = ?");
          params.add(values.get(j));
        }
      }
      if (i == keys.size()) {
        ands.add("t.id " + (idDescending ? "<" : ">") + " ?");
        params.add(lastId);
      } else {
        String col = keys.get(i).field().sql("t");
        Object v = values.get(i);
        if (keys.get(i).descending()) {
          if (v == null) {
            ands.add(col + " IS NOT NULL");
          } else {
            ands.add(col + " < ?");
            params.add(v);
          }
        } else {
          if (v == null) {
            ands.add("FALSE");
          } else {
            ands.add("(" + col + " > ? OR " + col + " IS NULL)");
            params.add(v);
          }
        }
      }
      ors.add("(" + String.join(" AND ", ands) + ")");
    }
    return new SqlFragment("(" + String.join(" OR ", ors) + ")", params);
  }
}
