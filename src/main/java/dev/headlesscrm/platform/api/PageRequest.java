package dev.headlesscrm.platform.api;

import java.util.List;

/**
 * A validated request for one page: how many rows, and the keyset position after which to read
 * (decoded from the opaque cursor).
 */
public record PageRequest(int limit, List<String> after) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  /** Validates raw parameters; a bad limit or cursor is a 400 problem naming it. */
  public static PageRequest of(Integer limit, String cursor) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw CrmException.malformed(
          Text.of(
              "limit must be between 1 and " + MAX_LIMIT + ".",
              "limit 必须介于 1 与 " + MAX_LIMIT + " 之间。"));
    }
    return new PageRequest(size, cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
  }
}
