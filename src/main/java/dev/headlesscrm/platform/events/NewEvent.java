package dev.headlesscrm.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to append to the outbox.
 *
 * @param id a UUID v7 whose time prefix is {@code occurredAt} (see {@link EventIds#at})
 * @param type {@code resource + "." + action}, e.g. {@code customer.updated}
 * @param changes {@code {"field": {"old": ..., "new": ...}}}, never null
 * @param data the record as clients read it after the change; null when it was erased
 */
public record NewEvent(
    UUID id,
    String type,
    Instant occurredAt,
    UUID actor,
    String resource,
    UUID resourceId,
    long version,
    JsonNode changes,
    JsonNode data) {

  public NewEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(changes, "changes");
  }
}
