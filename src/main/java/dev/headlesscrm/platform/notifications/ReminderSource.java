package dev.headlesscrm.platform.notifications;

import java.time.Instant;
import java.util.List;

/**
 * One kind of reminder, contributed by the context that owns its records: what falls due for the
 * caller within their data scope and field permissions (a source reads through its own services).
 */
public interface ReminderSource {

  /** The kind this source answers, as in {@link Reminder#kind()}. */
  String kind();

  /**
   * The caller's reminders due up to the window's end (overdue ones included where the kind has
   * them).
   *
   * @param now the moment the caller asks
   * @param days the lead days asked for, or null for the kind's own (a system parameter)
   * @param limit at most this many
   */
  List<Reminder> due(Instant now, Integer days, int limit);

  /** A source from its kind and its query (for contexts that declare several with producers). */
  static ReminderSource of(String kind, Query query) {
    return new ReminderSource() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public List<Reminder> due(Instant now, Integer days, int limit) {
        return query.due(now, days, limit);
      }
    };
  }

  /** What {@link #due} computes. */
  @FunctionalInterface
  interface Query {
    List<Reminder> due(Instant now, Integer days, int limit);
  }
}
