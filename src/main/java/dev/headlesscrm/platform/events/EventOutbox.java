package dev.headlesscrm.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.ZoneOffset;
import org.hibernate.Session;

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

  @Inject EntityManager entityManager;

  private final ObjectMapper mapper;

  @Inject
  EventOutbox(ObjectMapper application) {
    this.mapper = ExactJson.of(application);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void append(NewEvent event) {
    String changes = json(event.changes());
    String data = event.data() == null || event.data().isNull() ? null : json(event.data());
    // Hibernate's own connection, so the row shares the business transaction whatever happens.
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, event.id());
                insert.setString(2, event.type());
                insert.setObject(3, event.occurredAt().atOffset(ZoneOffset.UTC));
                insert.setObject(4, event.actor(), Types.OTHER);
                insert.setString(5, event.resource());
                insert.setObject(6, event.resourceId());
                insert.setLong(7, event.version());
                insert.setString(8, changes);
                insert.setString(9, data);
                insert.executeUpdate();
              }
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
