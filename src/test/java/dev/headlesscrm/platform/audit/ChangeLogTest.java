package dev.headlesscrm.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.events.EventFeed;
import dev.headlesscrm.platform.events.EventPage;
import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventQuery;
import dev.headlesscrm.platform.events.EventView;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.platform.events.ExactJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionalException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The change log writes history and the outbox event together, in the caller's transaction. */
@QuarkusTest
class ChangeLogTest {

  enum Level {
    A,
    B
  }

  record Probe(
      UUID id,
      String name,
      Level level,
      BigDecimal creditLimit,
      LocalDate since,
      Instant lastContactAt,
      long version) {}

  @Inject ChangeLog changeLog;
  @Inject EventPublisher publisher;
  @Inject EventFeed feed;
  @Inject EventsTestSupport support;
  ObjectMapper mapper;

  @Inject
  void setMapper(ObjectMapper application) {
    // Trees that keep 100000.50 as written, as the change log's own do.
    mapper = ExactJson.of(application);
  }

  static Probe probe(UUID id, String name, Level level, String creditLimit, long version) {
    return new Probe(
        id,
        name,
        level,
        new BigDecimal(creditLimit),
        LocalDate.of(2026, 11, 23),
        Instant.parse("2026-11-23T08:00:00.123456Z"),
        version);
  }

  private void record(String resource, Probe before, Probe after, String action) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                changeLog.record(
                    new ChangeRecord(
                        resource,
                        after.id(),
                        after.version(),
                        action,
                        changeLog.diff(before, after),
                        after)));
  }

  private List<EventView> publishedEvents(String resource) {
    publisher.publishPending();
    EventPage page = feed.read(EventQuery.parse("0", resource + ".*", "1000"));
    return page.data();
  }

  @Test
  void aChangeWritesOneHistoryEntryAndOneEventWithRestShapedValues() throws Exception {
    String resource = EventsTestSupport.uniqueResource("probe");
    UUID id = UUID.randomUUID();
    Probe created = probe(id, "华东", Level.A, "100000.50", 0);
    record(resource, null, created, ChangeLog.CREATED);

    Page<HistoryEntryView> history = changeLog.history(resource, id, PageRequest.of(null, null));
    assertEquals(1, history.data().size());
    HistoryEntryView entry = history.data().get(0);
    assertEquals("created", entry.action());
    assertEquals(0, entry.version());
    assertNull(entry.actor(), "no request, so no actor");
    assertEquals(
        mapper.readTree(
            """
            {"name": {"old": null, "new": "华东"},
             "level": {"old": null, "new": "A"},
             "creditLimit": {"old": null, "new": 100000.50},
             "since": {"old": null, "new": "2026-11-23"},
             "lastContactAt": {"old": null, "new": "2026-11-23T08:00:00.123456Z"}}
            """),
        mapper.valueToTree(entry.changes()));
    assertEquals(
        "{\"old\":null,\"new\":100000.50}",
        mapper.writeValueAsString(entry.changes().get("creditLimit")),
        "decimals keep their scale, as in REST responses");

    List<EventView> events = publishedEvents(resource);
    assertEquals(1, events.size());
    EventView event = events.get(0);
    assertEquals(resource + ".created", event.type());
    assertEquals(resource, event.resource());
    assertEquals(id, event.resourceId());
    assertEquals(0, event.version());
    assertEquals(mapper.valueToTree(entry.changes()), event.changes());
    assertEquals(
        mapper.readTree(
            "{\"id\":\""
                + id
                + "\",\"name\":\"华东\",\"level\":\"A\",\"creditLimit\":100000.50,"
                + "\"since\":\"2026-11-23\",\"lastContactAt\":\"2026-11-23T08:00:00.123456Z\","
                + "\"version\":0}"),
        event.data(),
        "data is the record as REST writes it (jsonb keeps values, not key order)");
    assertEquals(
        "100000.50", mapper.writeValueAsString(event.data().get("creditLimit")), "scale kept");
  }

  @Test
  void anUpdateThatChangedNothingWritesAnEventButNoHistory() {
    String resource = EventsTestSupport.uniqueResource("probe");
    UUID id = UUID.randomUUID();
    Probe probe = probe(id, "A", Level.A, "1", 3);
    record(resource, probe, probe, ChangeLog.UPDATED);

    assertEquals(0, support.countHistory(id));
    assertEquals(1, support.countEvents(id));
    assertEquals(
        List.of(resource + ".updated"),
        publishedEvents(resource).stream().map(EventView::type).toList());
  }

  @Test
  void otherActionsWriteHistoryEvenWithoutFieldChanges() {
    String resource = EventsTestSupport.uniqueResource("probe");
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                changeLog.record(new ChangeRecord(resource, id, 4, ChangeLog.ERASED, null, null)));

    HistoryEntryView entry =
        changeLog.history(resource, id, PageRequest.of(null, null)).data().get(0);
    assertEquals("erased", entry.action());
    assertTrue(entry.changes().isEmpty());
    EventView event = publishedEvents(resource).get(0);
    assertEquals(resource + ".erased", event.type());
    assertNull(event.data(), "an erased record has no data");
  }

  @Test
  void aRolledBackChangeLeavesNoHistoryAndNoEvent() {
    String resource = EventsTestSupport.uniqueResource("probe");
    UUID id = UUID.randomUUID();
    Probe probe = probe(id, "A", Level.A, "1", 0);

    QuarkusTransaction.begin();
    try {
      changeLog.record(
          new ChangeRecord(resource, id, 0, ChangeLog.CREATED, changeLog.diff(null, probe), probe));
      assertEquals(1, support.countHistory(id), "written inside the transaction");
      assertEquals(1, support.countEvents(id), "appended inside the transaction");
    } finally {
      QuarkusTransaction.rollback();
    }

    assertEquals(0, support.countHistory(id));
    assertEquals(0, support.countEvents(id));
    assertTrue(publishedEvents(resource).isEmpty());
  }

  @Test
  void recordingNeedsTheCallersTransaction() {
    UUID id = UUID.randomUUID();
    TransactionalException e =
        assertThrows(
            TransactionalException.class,
            () ->
                changeLog.record(
                    new ChangeRecord("probe", id, 0, ChangeLog.CREATED, Map.of(), null)));
    assertInstanceOf(TransactionRequiredException.class, e.getCause());
    assertEquals(0, support.countEvents(id));
  }

  @Test
  void namesThatTypePatternsCannotMatchAreRefused() {
    UUID id = UUID.randomUUID();
    assertThrows(
        IllegalArgumentException.class,
        () -> new ChangeRecord("Customer Care", id, 0, "created", Map.of(), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ChangeRecord("customer", id, 0, "up.dated", Map.of(), null));
  }

  @Test
  void historyIsNewestFirstAndKeysetPaged() {
    String resource = EventsTestSupport.uniqueResource("probe");
    UUID id = UUID.randomUUID();
    Probe previous = null;
    for (int version = 0; version < 5; version++) {
      Probe next = probe(id, "name " + version, Level.A, "1", version);
      record(resource, previous, next, version == 0 ? ChangeLog.CREATED : ChangeLog.UPDATED);
      previous = next;
    }

    Page<HistoryEntryView> first = changeLog.history(resource, id, PageRequest.of(2, null));
    assertEquals(List.of(4L, 3L), first.data().stream().map(HistoryEntryView::version).toList());
    assertTrue(first.page().hasMore());
    JsonNode change = mapper.valueToTree(first.data().get(0).changes().get("name"));
    assertEquals("name 3", change.get("old").asText());
    assertEquals("name 4", change.get("new").asText());

    Page<HistoryEntryView> second =
        changeLog.history(resource, id, PageRequest.of(2, first.page().nextCursor()));
    assertEquals(List.of(2L, 1L), second.data().stream().map(HistoryEntryView::version).toList());
    assertTrue(second.page().hasMore());

    Page<HistoryEntryView> last =
        changeLog.history(resource, id, PageRequest.of(2, second.page().nextCursor()));
    assertEquals(List.of(0L), last.data().stream().map(HistoryEntryView::version).toList());
    assertEquals("created", last.data().get(0).action());
    assertFalse(last.page().hasMore());
    assertNull(last.page().nextCursor());

    assertTrue(
        changeLog.history(resource, UUID.randomUUID(), PageRequest.of(null, null)).data().isEmpty(),
        "another record has no history");
  }

  @Test
  void aCursorFromAnotherListIsAMalformedRequest() {
    String foreign =
        dev.headlesscrm.platform.api.Cursor.encode(List.of(UUID.randomUUID().toString()));
    CrmException e =
        assertThrows(
            CrmException.class,
            () -> changeLog.history("probe", UUID.randomUUID(), PageRequest.of(10, foreign)));
    assertEquals(ProblemType.MALFORMED, e.type());
  }
}
