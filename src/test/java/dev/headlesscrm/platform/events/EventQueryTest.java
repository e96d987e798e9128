package dev.headlesscrm.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How feed parameters are read, and event ids made. */
class EventQueryTest {

  @Test
  void defaultsReadFromTheOldestEventOfEveryType() {
    EventQuery query = EventQuery.parse(null, null, null);
    assertEquals(0, query.after());
    assertEquals(100, query.limit());
    assertTrue(query.allTypes());
  }

  @Test
  void typesSplitIntoExactTypesAndPrefixes() {
    EventQuery query = EventQuery.parse("42", "customer.*, contact.created", "1000");
    assertEquals(42, query.after());
    assertEquals(1000, query.limit());
    assertEquals(Set.of("contact.created"), query.exactTypes());
    assertEquals(Set.of("customer."), query.typePrefixes());
    assertTrue(query.matches("customer.updated"));
    assertTrue(query.matches("contact.created"));
    assertFalse(query.matches("contact.updated"));
    assertFalse(query.matches("customers.updated"));
  }

  @Test
  void aPrefixIsReadAsTheRangeOfTypesThatStartWithIt() {
    assertEquals("customer/", EventFeed.upperBound("customer."));
    assertEquals("cust`", EventFeed.upperBound("cust_"));
    assertTrue("customer.updated".compareTo("customer/") < 0);
    assertTrue("customer.updated".compareTo("customer.") > 0);
    assertFalse("customers.updated".compareTo("customer/") < 0);
  }

  @Test
  void aBareWildcardMeansEveryType() {
    assertTrue(EventQuery.parse(null, "customer.created,*", null).allTypes());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-1|   |   ",
        "abc|  |   ",
        "1.5|  |   ",
        "   |  |0",
        "   |  |1001",
        "   |  |ten",
        "   |customer.*.x*|",
        "   |cust*omer|",
        "   |customer created|",
        "   |customer.created,,contact.*|",
        "   |customer.created,|",
        "   |**|",
        "   |客户.*|"
      })
  void badParametersAreMalformedRequests(String after, String types, String limit) {
    CrmException e = assertThrows(CrmException.class, () -> EventQuery.parse(after, types, limit));
    assertEquals(ProblemType.MALFORMED, e.type());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void limitsAtTheBoundsAreAccepted(int limit) {
    assertEquals(limit, EventQuery.parse(null, null, String.valueOf(limit)).limit());
  }

  @Test
  void eventIdsAreVersion7IncreasingAndCarryTheirTime() {
    Instant at = Instant.parse("2026-11-23T08:00:00.123Z");
    UUID previous = EventIds.at(at);
    for (int i = 0; i < 10_000; i++) {
      UUID next = EventIds.at(at);
      assertTrue(unsignedGreater(next, previous), next + " after " + previous);
      previous = next;
    }
    UUID old = EventIds.at(Instant.parse("2020-05-01T00:00:00.001Z"));
    assertEquals(
        Instant.parse("2020-05-01T00:00:00.001Z"),
        EventIds.timeOf(old),
        "an id for a time long past says that time");
    UUID id = EventIds.at(Instant.parse("2030-01-01T00:00:00.456Z"));
    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    assertEquals(Instant.parse("2030-01-01T00:00:00.456Z"), EventIds.timeOf(id));
    assertTrue(unsignedGreater(EventIds.lowerBound(Instant.parse("2030-01-01T00:00:00.457Z")), id));
    assertFalse(
        unsignedGreater(EventIds.lowerBound(Instant.parse("2030-01-01T00:00:00.456Z")), id));
  }

  /** PostgreSQL orders uuids as unsigned bytes; Java's UUID.compareTo is signed. */
  private static boolean unsignedGreater(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high > 0
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()) > 0;
  }
}
