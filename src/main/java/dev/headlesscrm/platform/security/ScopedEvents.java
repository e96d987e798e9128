package dev.headlesscrm.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.platform.events.EventAudience;
import dev.headlesscrm.platform.events.EventView;
import dev.headlesscrm.platform.events.EventVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * The change feed as the caller may see it. An owned record's events reach only callers who see the
 * record as the event left it (its owner within their data scope, or the record shared with them);
 * events without data (erasures) only those who see everything. Fields hidden from the caller are
 * removed from {@code data} and {@code changes}. A resource that declares an {@link EventAudience}
 * decides alone who sees its events. Events of a resource function permissions govern reach only
 * callers who may read that resource (commissions are not marketing's business).
 */
@ApplicationScoped
public class ScopedEvents implements EventVisibility {

  @Inject PermissionCatalogue catalogue;
  @Inject DataScope scope;
  @Inject FieldPolicy fields;
  @Inject dev.headlesscrm.platform.query.ResourceRegistry registry;
  @Inject @Any Instance<EventAudience> audiences;
  @Inject AccessPolicy access;

  @Override
  public Optional<EventView> view(EventView event) {
    return visible(event) ? Optional.of(masked(event)) : Optional.empty();
  }

  private boolean visible(EventView event) {
    if (catalogue.contains(event.resource()) && !access.allowed(event.resource(), Action.READ)) {
      return false;
    }
    for (EventAudience audience : audiences) {
      if (audience.resource().equals(event.resource())) {
        return audience.sees(event);
      }
    }
    if (scope.scope() == Scope.ALL) {
      return true;
    }
    JsonNode data = event.data() == null || event.data().isNull() ? null : event.data();
    if (data == null || !data.has("ownerId")) {
      // Not an owned record (departments, settings...) or no data to judge by.
      return data != null || !isOwnedResource(event.resource());
    }
    UUID id = event.resourceId();
    UUID owner = uuid(data.get("ownerId"));
    UUID department = uuid(data.get("ownerDepartmentId"));
    Owned owned =
        new Owned() {
          @Override
          public UUID recordId() {
            return id;
          }

          @Override
          public UUID ownerId() {
            return owner;
          }

          @Override
          public UUID ownerDepartmentId() {
            return department;
          }
        };
    return scope.sees(event.resource(), owned);
  }

  private EventView masked(EventView event) {
    FieldMask mask = fields.mask();
    if (mask.hidden(event.resource()).isEmpty()) {
      return event;
    }
    return new EventView(
        event.id(),
        event.sequence(),
        event.type(),
        event.occurredAt(),
        event.actor(),
        event.resource(),
        event.resourceId(),
        event.version(),
        event.changes() == null ? null : mask.strip(event.resource(), event.changes().deepCopy()),
        event.data() == null ? null : mask.strip(event.resource(), event.data().deepCopy()));
  }

  private boolean isOwnedResource(String resource) {
    return registry.has(resource) && registry.get(resource).field("ownerId") != null;
  }

  private static UUID uuid(JsonNode node) {
    return node == null || node.isNull() ? null : UUID.fromString(node.asText());
  }
}
