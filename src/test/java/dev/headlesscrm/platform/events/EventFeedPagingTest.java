package dev.headlesscrm.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** How a feed page is cut when EventVisibility hides some events from the caller. */
class EventFeedPagingTest {

  /** Events with sequences 1..n, as the database would return them. */
  static EventFeed.Rows feed(long n, List<Integer> reads) {
    return (after, limit) -> {
      reads.add(limit);
      return LongStream.rangeClosed(after + 1, n)
          .limit(limit)
          .mapToObj(EventFeedPagingTest::event)
          .toList();
    };
  }

  static EventView event(long sequence) {
    return new EventView(
        UUID.randomUUID(),
        sequence,
        "probe.updated",
        Instant.EPOCH,
        null,
        "probe",
        UUID.randomUUID(),
        1,
        null,
        null);
  }

  static final EventVisibility EVEN_ONLY =
      event -> event.sequence() % 2 == 0 ? Optional.of(event) : Optional.empty();

  static List<Long> sequences(EventPage page) {
    return page.data().stream().map(EventView::sequence).toList();
  }

  @Test
  void everythingVisibleIsOneRead() {
    List<Integer> reads = new ArrayList<>();
    EventPage page =
        EventFeed.read(EventQuery.parse("3", null, "4"), feed(20, reads), new AllEventsVisible());

    assertEquals(List.of(4L, 5L, 6L, 7L), sequences(page));
    assertEquals(7, page.page().nextAfter());
    assertTrue(page.page().hasMore());
    assertEquals(List.of(5), reads, "limit + 1 rows, to know whether there is more");
  }

  @Test
  void hiddenEventsAreSkippedAndTheNextPageStartsAfterThem() {
    List<Integer> reads = new ArrayList<>();
    EventPage first = EventFeed.read(EventQuery.parse("0", null, "3"), feed(20, reads), EVEN_ONLY);

    assertEquals(List.of(2L, 4L, 6L), sequences(first), "the page is filled with visible ones");
    assertEquals(6, first.page().nextAfter());
    assertTrue(first.page().hasMore());

    EventPage last =
        EventFeed.read(
            EventQuery.parse(String.valueOf(18), null, "3"),
            feed(20, new ArrayList<>()),
            EVEN_ONLY);
    assertEquals(List.of(20L), sequences(last));
    assertEquals(20, last.page().nextAfter());
    assertFalse(last.page().hasMore());
  }

  @Test
  void aPageOfHiddenEventsStopsAfterTenPagesWorthAndMovesOn() {
    List<Integer> reads = new ArrayList<>();
    EventPage page =
        EventFeed.read(
            EventQuery.parse("0", null, "5"), feed(1_000, reads), event -> Optional.empty());

    assertTrue(page.data().isEmpty());
    assertEquals(50, page.page().nextAfter(), "ten pages of five were read, none twice");
    assertTrue(page.page().hasMore());
  }

  @Test
  void nothingNewLeavesNextAfterWhereItWas() {
    EventPage page =
        EventFeed.read(
            EventQuery.parse("20", null, null),
            feed(20, new ArrayList<>()),
            new AllEventsVisible());
    assertTrue(page.data().isEmpty());
    assertEquals(20, page.page().nextAfter());
    assertFalse(page.page().hasMore());
  }
}
