package dev.headlesscrm.platform.events;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated feed request: events after a sequence, optionally only some types.
 *
 * @param after read events with a sequence greater than this (0: from the oldest retained)
 * @param exactTypes types to match exactly
 * @param typePrefixes types to match by prefix ({@code customer.*} gives {@code customer.})
 * @param limit how many events at most
 */
public record EventQuery(long after, Set<String> exactTypes, Set<String> typePrefixes, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;
  static final int MAX_PATTERNS = 50;

  /** An event type, optionally ending in one {@code *} wildcard; {@code *} alone means all. */
  private static final Pattern TYPE_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{0,128}\\*?");

  public EventQuery {
    exactTypes = Set.copyOf(exactTypes);
    typePrefixes = Set.copyOf(typePrefixes);
  }

  /** True when every type matches (no {@code types}, or a bare {@code *}). */
  public boolean allTypes() {
    return exactTypes.isEmpty() && typePrefixes.isEmpty();
  }

  public boolean matches(String type) {
    return allTypes()
        || exactTypes.contains(type)
        || typePrefixes.stream().anyMatch(type::startsWith);
  }

  /**
   * Validates raw query parameters; anything malformed is a 400 problem naming the parameter.
   *
   * @param types comma-separated patterns
   */
  public static EventQuery parse(String after, String types, String limit) {
    long afterValue = parseAfter(after);
    int limitValue = parseLimit(limit);
    Set<String> exact = new LinkedHashSet<>();
    Set<String> prefixes = new LinkedHashSet<>();
    for (String pattern : patterns(types)) {
      if (pattern.equals("*")) {
        return new EventQuery(afterValue, Set.of(), Set.of(), limitValue);
      }
      if (pattern.endsWith("*")) {
        prefixes.add(pattern.substring(0, pattern.length() - 1));
      } else {
        exact.add(pattern);
      }
    }
    return new EventQuery(afterValue, exact, prefixes, limitValue);
  }

  private static long parseAfter(String after) {
    if (after == null || after.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(after.strip());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the problem below
    }
    throw CrmException.malformed(
        Text.of(
            "after must be a sequence number (an integer, 0 or more).",
            "after 必须是事件序号（不小于 0 的整数）。"));
  }

  private static int parseLimit(String limit) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit.strip());
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the problem below
    }
    throw CrmException.malformed(
        Text.of(
            "limit must be between 1 and " + MAX_LIMIT + ".",
            "limit 必须介于 1 与 " + MAX_LIMIT + " 之间。"));
  }

  private static List<String> patterns(String types) {
    List<String> patterns = new ArrayList<>();
    if (types == null || types.isBlank()) {
      return patterns;
    }
    for (String pattern : types.split(",", -1)) {
      String p = pattern.strip();
      if (p.isEmpty() || !TYPE_PATTERN.matcher(p).matches()) {
        throw badTypes(p);
      }
      patterns.add(p);
    }
    if (patterns.size() > MAX_PATTERNS) {
      throw CrmException.malformed(
          Text.of(
              "types may list at most " + MAX_PATTERNS + " patterns.",
              "types 最多包含 " + MAX_PATTERNS + " 个模式。"));
    }
    return patterns;
  }

  private static CrmException badTypes(String pattern) {
    return CrmException.malformed(
        Text.of(
            "types: '"
                + pattern
                + "' is not an event type pattern (e.g. customer.created, customer.*).",
            "types 中的 '" + pattern + "' 不是有效的事件类型模式（例如 customer.created、customer.*）。"));
  }
}
