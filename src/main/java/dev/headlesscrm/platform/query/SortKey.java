package dev.headlesscrm.platform.query;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One key of a sort ({@code -amount} is amount descending). */
public record SortKey(Field field, boolean descending) {

  /**
   * Parses {@code sort=-amount,name} against the resource's sortable fields. {@code id} is always
   * the final tie-breaker and need not be given.
   */
  public static List<SortKey> parse(ResourceSpec spec, List<String> sort) {
    return parse(spec, sort, FieldVisibility.NONE);
  }

  /** As above; sorting by a field hidden from the caller is refused (it would leak its order). */
  public static List<SortKey> parse(
      ResourceSpec spec, List<String> sort, FieldVisibility visibility) {
    List<SortKey> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (sort != null) {
      for (String entry : sort) {
        for (String raw : entry.split(",")) {
          String token = raw.trim();
          if (token.isEmpty()) {
            continue;
          }
          boolean desc = token.startsWith("-");
          String name = desc || token.startsWith("+") ? token.substring(1) : token;
          Field field = spec.field(name);
          if (field == null || !field.sortable()) {
            throw CrmException.malformed(
                Text.of(
                    "Cannot sort by '"
                        + name
                        + "'. Sortable: "
                        + String.join(", ", spec.sortableFields())
                        + ".",
                    "不能按 '"
                        + name
                        + "' 排序。可排序字段："
                        + String.join(", ", spec.sortableFields())
                        + "。"));
          }
          if (visibility.hiddenPath(spec.name(), name)) {
            throw FieldVisibility.refused("sort", name);
          }
          if (seen.add(name)) {
            keys.add(new SortKey(field, desc));
          }
        }
      }
    }
    return keys;
  }

  /** The canonical text of a sort, stored in cursors so a cursor only serves its own sort. */
  public static String describe(List<SortKey> keys) {
    StringBuilder out = new StringBuilder();
    for (SortKey key : keys) {
      out.append(key.descending ? "-" : "").append(key.field.name()).append(',');
    }
    return out.append("id").toString();
  }
}
