package dev.headlesscrm.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.audit.ChangeLog;
import dev.headlesscrm.platform.audit.ChangeRecord;
import dev.headlesscrm.platform.persistence.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Events get their feed sequence in commit order, never in append order. */
@QuarkusTest
class EventPublisherTest {

  @Inject ChangeLog changeLog;
  @Inject EventPublisher publisher;
  @Inject EventPurger purger;
  @Inject EventFeed feed;
  @Inject EventOutbox outbox;
  @Inject EventsTestSupport support;
  @Inject ObjectMapper mapper;

  private void append(String resource, UUID id, long version) {
    changeLog.record(
        new ChangeRecord(resource, id, version, ChangeLog.UPDATED, Map.of(), Map.of("v", version)));
  }

  private List<EventView> feed(String resource, long after) {
    return feed.read(EventQuery.parse(String.valueOf(after), resource + ".*", "1000")).data();
  }

  @Test
  void aTransactionThatAppendedFirstButCommittedLastIsPublishedLast() throws Exception {
    String resource = EventsTestSupport.uniqueResource("order");
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);

    // T1 appends first, then waits before committing.
    CompletableFuture<Void> t1 =
        CompletableFuture.runAsync(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          append(resource, first, 1);
                          appended.countDown();
                          await(commit);
                        }));
    assertTrue(appended.await(30, TimeUnit.SECONDS));

    // T2 appends later and commits at once; the publisher runs.
    QuarkusTransaction.requiringNew().run(() -> append(resource, second, 1));
    publisher.publishPending();
    List<EventView> seenBeforeT1Commits = feed(resource, 0);
    assertEquals(
        List.of(second),
        seenBeforeT1Commits.stream().map(EventView::resourceId).toList(),
        "T1 has not committed, so its event is not in the feed");
    long readUpTo = seenBeforeT1Commits.get(0).sequence();

    // T1 commits; the publisher runs again.
    commit.countDown();
    t1.get(30, TimeUnit.SECONDS);
    publisher.publishPending();

    List<EventView> all = feed(resource, 0);
    assertEquals(List.of(second, first), all.stream().map(EventView::resourceId).toList());
    assertTrue(
        all.get(1).id().compareTo(all.get(0).id()) < 0,
        "T1's event was appended first (smaller id) yet is published after T2's");
    List<EventView> readOn = feed(resource, readUpTo);
    assertEquals(
        List.of(first),
        readOn.stream().map(EventView::resourceId).toList(),
        "a reader that had read up to T2's sequence still gets T1's event");
    assertTrue(readOn.get(0).sequence() > readUpTo);
  }

  @Test
  void committedEventsStayOutOfTheFeedUntilPublished() throws Exception {
    String resource = EventsTestSupport.uniqueResource("pending");
    UUID id = UUID.randomUUID();

    try (AutoCloseable otherReplicaPublishing = support.holdPublisherLock()) {
      QuarkusTransaction.requiringNew().run(() -> append(resource, id, 1));
      assertEquals(1, support.countUnpublished(id), "committed, not yet numbered");
      assertTrue(feed(resource, 0).isEmpty(), "unpublished events are not in the feed");
    }

    publisher.publishPending();
    assertEquals(0, support.countUnpublished(id));
    assertEquals(List.of(id), feed(resource, 0).stream().map(EventView::resourceId).toList());
  }

  @Test
  void withinOneRunEventsFollowIdOrderButARecordKeepsItsVersionOrder() {
    String resource = EventsTestSupport.uniqueResource("skew");
    UUID record = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    Instant now = Clock.now();
    // As if appended by replicas whose clocks disagree: version 2 has the smaller id.
    NewEvent version2 = event(resource, record, 2, EventIds.at(now.minusMillis(50)));
    NewEvent otherEvent = event(resource, other, 1, EventIds.at(now.minusMillis(40)));
    NewEvent version1 = event(resource, record, 1, EventIds.at(now.minusMillis(30)));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              outbox.append(version1);
              outbox.append(otherEvent);
              outbox.append(version2);
            });
    publisher.publishPending();

    List<EventView> events = feed(resource, 0);
    assertEquals(
        List.of(record + "@1", other + "@1", record + "@2"),
        events.stream().map(e -> e.resourceId() + "@" + e.version()).toList(),
        "the record's events take its positions (1st and 3rd) in version order");
  }

  @Test
  void thePurgeDeletesOnlyPublishedEventsOlderThanTheCutoff() throws Exception {
    String resource = EventsTestSupport.uniqueResource("old");
    UUID oldPublished = UUID.randomUUID();
    UUID oldUnpublished = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    Instant longAgo = Clock.now().minus(Duration.ofDays(40));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              outbox.append(event(resource, oldPublished, 1, EventIds.at(longAgo)));
              outbox.append(event(resource, recent, 1, EventIds.at(Clock.now())));
            });
    publisher.publishPending();

    try (AutoCloseable otherReplicaPublishing = support.holdPublisherLock()) {
      QuarkusTransaction.requiringNew()
          .run(() -> outbox.append(event(resource, oldUnpublished, 1, EventIds.at(longAgo))));
      int purged = purger.purgeBefore(Clock.now().minus(Duration.ofDays(30)));

      assertTrue(purged >= 1, "purged " + purged);
      assertEquals(0, support.countEvents(oldPublished));
      assertEquals(1, support.countEvents(oldUnpublished), "never purged before publication");
      assertEquals(1, support.countEvents(recent));
    }
    publisher.publishPending();
    assertEquals(
        List.of(recent, oldUnpublished),
        feed(resource, 0).stream().map(EventView::resourceId).toList());
  }

  @Test
  void theScheduledJobPublishesWithoutBeingAsked() throws Exception {
    String resource = EventsTestSupport.uniqueResource("sched");
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew().run(() -> append(resource, id, 1));
    long committed = System.nanoTime();

    // The one test that waits: it proves the job runs every crm.events.publish-interval.
    while (feed(resource, 0).isEmpty()) {
      assertTrue(
          System.nanoTime() - committed < TimeUnit.SECONDS.toNanos(5), "not published within 5 s");
      Thread.sleep(20);
    }
    assertEquals(0, support.countUnpublished(id));
  }

  private NewEvent event(String resource, UUID resourceId, long version, UUID id) {
    return new NewEvent(
        id,
        resource + ".updated",
        EventIds.timeOf(id),
        null,
        resource,
        resourceId,
        version,
        mapper.createObjectNode(),
        null);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void publishingTwiceNumbersNothingTwice() {
    String resource = EventsTestSupport.uniqueResource("twice");
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew().run(() -> append(resource, id, 1));
    publisher.publishPending();
    Object[] row = support.events(id).get(0);
    assertNotNull(row[3]);
    publisher.publishPending();
    assertEquals(row[3], support.events(id).get(0)[3], "a published sequence never changes");
  }
}
