package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.export.ExportColumn;
import dev.headlesscrm.platform.export.ExportFormat;
import dev.headlesscrm.platform.export.ExportWriter;
import dev.headlesscrm.platform.export.ExportWriters;
import dev.headlesscrm.platform.query.ListQuery;
import jakarta.ws.rs.core.StreamingOutput;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Streams every row of a list, with the list's filter, search and sort, as CSV or XLSX. Rows are
 * read in keyset pages of {@value #PAGE} (each page its own short transaction) and written as they
 * come, so memory stays flat whatever the row count. Columns are the view's fields, nested records
 * flattened ({@code finance.taxId}); the custom map gives one {@code custom.<key>} column per
 * active custom field; other maps are left out.
 */
public final class Exporter {

  static final int PAGE = PageRequest.MAX_LIMIT;

  private Exporter() {}

  /** A column and how to read it from a view. */
  private record Column(ExportColumn column, List<Method> path, String mapKey) {
    Column(ExportColumn column, List<Method> path) {
      this(column, path, null);
    }
  }

  /**
   * Reads the first page now (so a bad filter is a 400 problem, not a broken download) and returns
   * the output that streams the rest.
   */
  public static <V> StreamingOutput stream(
      Class<V> viewType,
      ListQuery query,
      ExportFormat format,
      String sheetName,
      Function<ListQuery, Page<V>> pages,
      java.util.Set<String> hidden,
      List<String> customKeys) {
    ListQuery first =
        new ListQuery(query.filter(), query.q(), query.sort(), PAGE, null, null, null, null, null);
    Page<V> firstPage = pages.apply(first);
    List<Column> columns =
        columns(viewType, "", List.of(), customKeys).stream()
            .filter(c -> !hidden.contains(c.column().key().split("\\.")[0]))
            .toList();
    return out -> {
      try (ExportWriter writer =
          ExportWriters.open(
              format, out, columns.stream().map(Column::column).toList(), sheetName)) {
        Page<V> page = firstPage;
        while (true) {
          for (V row : page.data()) {
            writer.row(values(row, columns));
          }
          String next = page.page().nextCursor();
          if (next == null) {
            break;
          }
          page =
              pages.apply(
                  new ListQuery(
                      query.filter(), query.q(), query.sort(), PAGE, next, null, null, null, null));
        }
      }
    };
  }

  private static List<Column> columns(
      Class<?> type, String prefix, List<Method> path, List<String> customKeys) {
    List<Column> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      List<Method> here = new ArrayList<>(path);
      here.add(c.getAccessor());
      Class<?> t = c.getType();
      if (Map.class.isAssignableFrom(t)) {
        if (prefix.isEmpty() && c.getName().equals("custom")) {
          for (String key : customKeys) {
            String name = "custom." + key;
            out.add(new Column(ExportColumn.of(name, name), here, key));
          }
        }
        continue;
      }
      if (t.isRecord()) {
        out.addAll(columns(t, prefix + c.getName() + ".", here, customKeys));
      } else {
        String key = prefix + c.getName();
        out.add(new Column(ExportColumn.of(key, key), here));
      }
    }
    return out;
  }

  private static List<Object> values(Object row, List<Column> columns) {
    List<Object> values = new ArrayList<>(columns.size());
    // A record that withholds fields of its own (a pool customer's phones) exports them empty.
    List<String> withheld =
        row instanceof dev.headlesscrm.platform.security.WithheldFields w
            ? w.hiddenFields()
            : List.of();
    for (Column column : columns) {
      if (!withheld.isEmpty() && withheld.contains(column.column().key().split("\\.")[0])) {
        values.add(null);
        continue;
      }
      Object v = row;
      for (Method accessor : column.path()) {
        if (v == null) {
          break;
        }
        try {
          v = accessor.invoke(v);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("Cannot read " + column.column().key(), e);
        }
      }
      if (column.mapKey() != null && v instanceof Map<?, ?> map) {
        v = map.get(column.mapKey());
      }
      values.add(v);
    }
    return values;
  }
}
