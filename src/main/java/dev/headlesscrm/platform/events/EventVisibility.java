package dev.headlesscrm.platform.events;

import java.util.List;
import java.util.Optional;

/**
 * Which feed events the current caller may see, and how much of them: the seam where data scope and
 * field permissions plug into the change feed. The feed consults it for every event it reads.
 * Replace {@link AllEventsVisible} by declaring another bean of this type.
 */
public interface EventVisibility {

  /**
   * The event as the current caller may see it: the event itself, a copy with fields masked (in
   * {@code changes} and {@code data}), or empty to leave it out.
   */
  Optional<EventView> view(EventView event);

  /**
   * The visible events of one page, in the given order. Override to decide a page with a few
   * queries instead of one per event.
   */
  default List<EventView> visible(List<EventView> events) {
    return events.stream().map(this::view).flatMap(Optional::stream).toList();
  }
}
