package dev.headlesscrm.platform.persistence;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Cursor;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Text;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset paging in id order (ids are UUID v7, so this is creation order): never OFFSET, so the
 * ten-thousandth page costs what the first does and concurrent inserts never shift a page.
 */
public final class KeysetPager {

  private KeysetPager() {}

  public static <E extends BaseEntity, V> Page<V> byId(
      PanacheRepositoryBase<E, UUID> repository,
      String where,
      Map<String, Object> params,
      PageRequest request,
      Function<E, V> view) {
    Parameters parameters = new Parameters();
    params.forEach(parameters::and);
    String query = where;
    if (request.after() != null) {
      parameters.and("afterId", afterId(request.after()));
      query = "(" + where + ") and id > :afterId";
    }
    List<E> rows =
        repository.find(query + " order by id", parameters).range(0, request.limit()).list();
    boolean hasMore = rows.size() > request.limit();
    List<E> page = hasMore ? rows.subList(0, request.limit()) : rows;
    String next = hasMore ? Cursor.encode(List.of(page.get(page.size() - 1).id.toString())) : null;
    return new Page<>(
        page.stream().map(view).toList(), new PageInfo(request.limit(), next, hasMore, null));
  }

  private static UUID afterId(List<String> values) {
    try {
      if (values.size() == 1) {
        return UUID.fromString(values.get(0));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the problem below
    }
    throw CrmException.malformed(
        Text.of("The cursor does not belong to this list.", "cursor 不属于此列表。"));
  }
}
