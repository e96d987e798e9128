package dev.headlesscrm.platform.events.api;

import dev.headlesscrm.platform.events.EventFeed;
import dev.headlesscrm.platform.events.EventPage;
import dev.headlesscrm.platform.events.EventQuery;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import jakarta.inject.Inject;
import java.math.BigInteger;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/** The change feed over GraphQL: the same reader and the same rules as GET /api/v1/events. */
@GraphQLApi
@GraphQlProblems
public class EventGraphQlApi {

  @Inject EventFeed feed;

  @Query("events")
  @Description(
      "Published events after a sequence, in order. Pass page.nextAfter back as after to read on;"
          + " types are comma-separated patterns (customer.*,contact.created); first is 1–1000,"
          + " default 100. changes and data are JSON text.")
  public EventPage events(BigInteger after, String types, Integer first) {
    return feed.read(
        EventQuery.parse(
            after == null ? null : after.toString(),
            types,
            first == null ? null : first.toString()));
  }
}
