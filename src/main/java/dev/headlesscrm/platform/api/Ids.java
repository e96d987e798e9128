package dev.headlesscrm.platform.api;

import java.util.UUID;

/** Record ids as clients send them. */
public final class Ids {
  private Ids() {}

  /** Parses an id; anything that is not a UUID is a 400 problem, never a 500. */
  public static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw CrmException.malformed(
          Text.of("'" + id + "' is not a record id (a UUID).", "'" + id + "' 不是有效的记录 id（UUID）。"));
    }
  }
}
