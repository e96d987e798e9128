package dev.headlesscrm.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.headlesscrm.platform.events.ExactJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules by which two views of a record become a list of field changes. */
class ChangeDiffTest {

  /** Configured as Quarkus configures the application's mapper for REST responses. */
  static final ObjectMapper MAPPER =
      ExactJson.of(
          JsonMapper.builder()
              .findAndAddModules()
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .build());

  enum Level {
    A,
    B
  }

  record View(
      UUID id,
      String name,
      Level level,
      BigDecimal creditLimit,
      LocalDate since,
      Instant lastContactAt,
      List<String> tags,
      long version,
      Instant createdAt,
      UUID createdBy,
      Instant updatedAt,
      UUID updatedBy) {}

  static final UUID ID = UUID.fromString("0193a000-0000-7000-8000-000000000123");

  static View view(String name, Level level, String creditLimit, long version) {
    return new View(
        ID,
        name,
        level,
        creditLimit == null ? null : new BigDecimal(creditLimit),
        LocalDate.of(2026, 11, 23),
        Instant.parse("2026-11-23T08:00:00Z"),
        List.of("vip"),
        version,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version),
        UUID.randomUUID(),
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version),
        UUID.randomUUID());
  }

  static Map<String, FieldChange> diff(Object before, Object after) {
    return ChangeDiff.diff(MAPPER, before, after);
  }

  static String json(Object value) throws JsonProcessingException {
    return MAPPER.writeValueAsString(value);
  }

  @Test
  void onlyChangedFieldsAreListedWithOldAndNewValue() throws JsonProcessingException {
    Map<String, FieldChange> changes =
        diff(view("上海", Level.A, "1000", 1), view("上海分公司", Level.B, "1000", 2));

    assertEquals(List.of("name", "level"), List.copyOf(changes.keySet()));
    assertEquals("{\"old\":\"上海\",\"new\":\"上海分公司\"}", json(changes.get("name")));
    assertEquals("{\"old\":\"A\",\"new\":\"B\"}", json(changes.get("level")));
  }

  @Test
  void auditFieldsVersionAndIdAreIgnored() {
    View before = view("A", Level.A, "1", 1);
    View after =
        new View(
            UUID.randomUUID(),
            "A",
            Level.A,
            BigDecimal.ONE,
            before.since(),
            before.lastContactAt(),
            before.tags(),
            9,
            Instant.now(),
            UUID.randomUUID(),
            Instant.now(),
            UUID.randomUUID());

    assertTrue(diff(before, after).isEmpty(), () -> diff(before, after).toString());
  }

  @Test
  void numbersAreComparedAsNumbers() throws JsonProcessingException {
    assertTrue(diff(view("A", Level.A, "1000", 1), view("A", Level.A, "1000.00", 2)).isEmpty());
    assertTrue(diff(Map.of("rate", 1), Map.of("rate", 1.0)).isEmpty());
    assertTrue(diff(Map.of("rate", 7L), Map.of("rate", new BigDecimal("7.000"))).isEmpty());
    assertTrue(diff(Map.of("m", Map.of("n", 2)), Map.of("m", Map.of("n", 2.0))).isEmpty());

    Map<String, FieldChange> changed =
        diff(view("A", Level.A, "1000.50", 1), view("A", Level.A, "1000.51", 2));
    assertEquals("{\"old\":1000.50,\"new\":1000.51}", json(changed.get("creditLimit")));
  }

  @Test
  void valuesLookAsInRestResponses() throws JsonProcessingException {
    Map<String, FieldChange> created = diff(null, view("A", Level.B, "12.30", 0));

    assertEquals("{\"old\":null,\"new\":\"2026-11-23\"}", json(created.get("since")));
    assertEquals(
        "{\"old\":null,\"new\":\"2026-11-23T08:00:00Z\"}", json(created.get("lastContactAt")));
    assertEquals("{\"old\":null,\"new\":12.30}", json(created.get("creditLimit")));
    assertEquals("{\"old\":null,\"new\":\"B\"}", json(created.get("level")));
    assertEquals("{\"old\":null,\"new\":[\"vip\"]}", json(created.get("tags")));
  }

  @Test
  void aCreateListsEveryFieldThatHasAValue() {
    Map<String, FieldChange> created = diff(null, view("A", Level.A, null, 0));

    assertEquals(
        List.of("name", "level", "since", "lastContactAt", "tags"),
        List.copyOf(created.keySet()),
        "creditLimit is null on both sides, so it is no change");
    created.values().forEach(change -> assertNull(change.old()));
  }

  @Test
  void anEraseListsEveryFieldThatHadAValue() {
    Map<String, FieldChange> erased = diff(view("A", Level.A, "5", 3), null);

    assertEquals(
        List.of("name", "level", "creditLimit", "since", "lastContactAt", "tags"),
        List.copyOf(erased.keySet()));
    erased.values().forEach(change -> assertNull(change.current()));
  }

  @Test
  void aMissingFieldEqualsANullOne() throws JsonProcessingException {
    Map<String, Object> before = new HashMap<>();
    before.put("phone", null);
    before.put("email", "a@example.com");
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("mobile", "13800000000");

    Map<String, FieldChange> changes = diff(before, after);

    assertEquals(List.of("mobile", "email"), List.copyOf(changes.keySet()));
    assertEquals("{\"old\":null,\"new\":\"13800000000\"}", json(changes.get("mobile")));
    assertEquals("{\"old\":\"a@example.com\",\"new\":null}", json(changes.get("email")));
  }

  @Test
  void nestedValuesChangeAsAWhole() throws JsonProcessingException {
    Map<String, FieldChange> changes =
        diff(
            Map.of("custom", Map.of("region", "East", "size", 3)),
            Map.of("custom", Map.of("region", "West", "size", 3)));

    assertEquals(
        MAPPER.readTree(
            "{\"old\":{\"region\":\"East\",\"size\":3},\"new\":{\"region\":\"West\",\"size\":3}}"),
        MAPPER.valueToTree(changes.get("custom")));
  }

  @Test
  void bothSidesNullIsNoChange() {
    assertTrue(diff(null, null).isEmpty());
  }

  @Test
  void aViewMustBeAnObject() {
    assertThrows(IllegalArgumentException.class, () -> diff("just text", Map.of()));
  }
}
