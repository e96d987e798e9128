package dev.headlesscrm.platform.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of SQL with positional placeholders written as {@code ?} and the values to bind, in
 * order. Values are always bound, never concatenated.
 */
public record SqlFragment(String sql, List<Object> params) {

  public static final SqlFragment TRUE = new SqlFragment("TRUE", List.of());

  public static SqlFragment of(String sql, Object... params) {
    return new SqlFragment(sql, List.of(params));
  }

  public SqlFragment and(SqlFragment other) {
    if (this == TRUE) {
      return other;
    }
    if (other == TRUE) {
      return this;
    }
    List<Object> all = new ArrayList<>(params);
    all.addAll(other.params);
    return new SqlFragment("(" + sql + ") AND (" + other.sql + ")", all);
  }
}
