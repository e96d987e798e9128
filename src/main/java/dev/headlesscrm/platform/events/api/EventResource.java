package dev.headlesscrm.platform.events.api;

import dev.headlesscrm.platform.events.EventFeed;
import dev.headlesscrm.platform.events.EventPage;
import dev.headlesscrm.platform.events.EventQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The change feed: every committed change, in order, replayable within the retention period. */
@Path("/api/v1/events")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

  @Inject EventFeed feed;

  @GET
  @Operation(
      operationId = "listEvents",
      summary = "Read the change feed after a sequence",
      description =
          "Published events in sequence order. Remember `page.nextAfter` and pass it as `after` to"
              + " read on; an event never appears below a sequence already read. Events are kept"
              + " for crm.events.retention (30 days by default).")
  public EventPage list(
      @Parameter(
              description = "Read events with a greater sequence; 0 or absent: the oldest kept.",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
          @QueryParam("after")
          String after,
      @Parameter(
              description =
                  "Comma-separated event types; a trailing * matches any suffix, e.g."
                      + " customer.*,contact.created.",
              schema = @Schema(type = SchemaType.STRING))
          @QueryParam("types")
          String types,
      @Parameter(
              description = "At most this many events (default 100, at most 1000).",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "1000"))
          @QueryParam("limit")
          String limit) {
    return feed.read(EventQuery.parse(after, types, limit));
  }
}
