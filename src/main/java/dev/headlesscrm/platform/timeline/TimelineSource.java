package dev.headlesscrm.platform.timeline;

import dev.headlesscrm.platform.query.SqlFragment;
import java.util.Optional;
import java.util.UUID;

/**
 * One kind of a customer's timeline entries, declared by the context owning the records.
 *
 * <p>{@link #select} answers one SELECT of the columns {@code at timestamptz, id uuid, kind text,
 * resource text, record_id uuid, title text, actor uuid, detail jsonb} over this customer's rows,
 * with the caller's data scope and field permissions applied, and without ORDER BY or LIMIT; or
 * empty when the caller may not read the resource at all. Ordered by {@code at, id}, it should be
 * served by an index (customer, at, id).
 */
public interface TimelineSource {

  String kind();

  Optional<SqlFragment> select(UUID customerId);

  /** A source from its kind and its query (for contexts that declare several with producers). */
  static TimelineSource of(
      String kind, java.util.function.Function<UUID, Optional<SqlFragment>> select) {
    return new TimelineSource() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public Optional<SqlFragment> select(UUID customerId) {
        return select.apply(customerId);
      }
    };
  }

  /**
   * A branch over the customer's rows: {@code sql} ends where its WHERE takes the data scope, its
   * first placeholder is the customer.
   */
  static SqlFragment branch(String sql, UUID customer, SqlFragment scope) {
    java.util.List<Object> params = new java.util.ArrayList<>();
    params.add(customer);
    params.addAll(scope.params());
    return new SqlFragment(sql + "(" + scope.sql() + ")", params);
  }
}
