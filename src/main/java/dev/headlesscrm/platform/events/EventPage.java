package dev.headlesscrm.platform.events;

import java.util.List;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the change feed: {@code {"data": [...], "page": {...}}}. */
@Schema(name = "EventPage")
public record EventPage(List<EventView> data, Info page) {

  /** Where the page ends: pass {@code nextAfter} back as {@code after} to read on. */
  @Schema(name = "EventPageInfo")
  @Type("EventPageInfo")
  public record Info(
      int limit,
      @Schema(
              description =
                  "The sequence to read after next time: the last one this page covered, or the"
                      + " given `after` when there was nothing new.")
          long nextAfter,
      @Schema(description = "True when more events were already available.") boolean hasMore) {}
}
