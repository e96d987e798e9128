package dev.headlesscrm.platform.api;

/**
 * Weak ETags over the record version ({@code W/"7"}), and the If-Match / If-None-Match comparisons
 * of RFC 9110 (weak comparison).
 */
public final class ETags {

  /** The If-Match header said {@code *}: any current version is acceptable. */
  public static final long ANY = -1;

  private ETags() {}

  public static String of(long version) {
    return "W/\"" + version + "\"";
  }

  /**
   * The version an If-Match header expects, {@link #ANY} for {@code *}, null when absent. A tag we
   * never issued expects a version that cannot exist, so it fails the precondition.
   */
  public static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String first = ifMatch.split(",")[0].trim();
    if (first.equals("*")) {
      return ANY;
    }
    Long version = parse(first);
    return version == null ? Long.MIN_VALUE : version;
  }

  /** True when an If-None-Match header names the current version (or is {@code *}). */
  public static boolean matchesNone(String ifNoneMatch, long version) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.trim();
      if (t.equals("*")) {
        return true;
      }
      Long parsed = parse(t);
      if (parsed != null && parsed == version) {
        return true;
      }
    }
    return false;
  }

  private static Long parse(String tag) {
    String t = tag.startsWith("W/") ? tag.substring(2) : tag;
    if (t.length() < 2 || !t.startsWith("\"") || !t.endsWith("\"")) {
      return null;
    }
    try {
      return Long.parseLong(t.substring(1, t.length() - 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
