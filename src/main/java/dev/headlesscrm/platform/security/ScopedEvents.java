package dev.headlesscrm.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.platform.events.EventView;
import dev.headlesscrm.platform.events.EventVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * The change feed shows an owned record's events only to callers whose data scope includes its
 * owner at the time of the event (the owner is read from the event's record data; events without
 * data, such as erasures, follow the same rule through their last known owner being unknown: only
 * callers who see everything get them).
 */
@ApplicationScoped
public class ScopedEvents implements EventVisibility {

  @Inject DataScope scope;

  @Override
  public Optional<EventView> view(EventView event) {
    if (scope.scope() == Scope.ALL) {
      return Optional.of(event);
    }
    JsonNode data = event.data() == null || event.data().isNull() ? null : event.data();
    if (data == null || !data.has("ownerId")) {
      // Not an owned record (departments, settings...) or no data to judge by.
      return data == null && isOwnedResource(event.resource())
          ? Optional.empty()
          : Optional.of(event);
    }
    UUID owner = uuid(data.get("ownerId"));
    UUID department = uuid(data.get("ownerDepartmentId"));
    Owned owned =
        new Owned() {
          @Override
          public UUID ownerId() {
            return owner;
          }

          @Override
          public UUID ownerDepartmentId() {
            return department;
          }
        };
    return scope.sees(owned) ? Optional.of(event) : Optional.empty();
  }

  private static boolean isOwnedResource(String resource) {
    return resource.equals("customer") || resource.equals("contact");
  }

  private static UUID uuid(JsonNode node) {
    return node == null || node.isNull() ? null : UUID.fromString(node.asText());
  }
}
