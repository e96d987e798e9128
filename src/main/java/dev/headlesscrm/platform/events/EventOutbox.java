package dev.headlesscrm.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.persistence.BulkWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Types;
import java.time.ZoneOffset;

/**
 * Appends events in the caller's transaction (the transactional outbox): the event exists if and
 * only if the business change committed. It has no sequence yet; {@link EventPublisher} gives it
 * one after the commit.
 */
@ApplicationScoped
public class EventOutbox {

  private static final String INSERT =
      """
      INSERT INTO events
          (id, type, occurred_at, actor, resource, resource_id, version, changes, data)
      VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
      """;

  @Inject BulkWrites bulk;

  private final ObjectMapper mapper;

  @Inject
  EventOutbox(ObjectMapper application) {
    this.mapper = ExactJson.of(application);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void append(NewEvent event) {
    String changes = json(event.changes());
    String data = event.data() == null || event.data().isNull() ? null : json(event.data());
    // On Hibernate's own connection, so the row shares the business transaction whatever happens.
    bulk.insert(
        INSERT,
        insert -> {
          insert.setObject(1, event.id());
          insert.setString(2, event.type());
          insert.setObject(3, event.occurredAt().atOffset(ZoneOffset.UTC));
          insert.setObject(4, event.actor(), Types.OTHER);
          insert.setString(5, event.resource());
          insert.setObject(6, event.resourceId());
          insert.setLong(7, event.version());
          insert.setString(8, changes);
          insert.setString(9, data);
        });
  }

  private String json(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event could not be written as JSON", e);
    }
  }
}
