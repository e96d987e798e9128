package dev.headlesscrm.support.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An SLA timer's life: pauses keep it, warnings and breaches come once, a restart counts on. */
class SlaTimerTest {

  static final WorkingTime STANDARD = WorkingTimeTest.standard(Set.of(), Set.of());

  static Instant at(String local) {
    return WorkingTimeTest.at(local);
  }

  static SlaTimer resolution(String start, int minutes) {
    return SlaTimer.start(
        UUID.randomUUID(),
        SlaTimerKind.RESOLUTION,
        UUID.randomUUID(),
        UUID.randomUUID(),
        minutes * 60L,
        80,
        at(start),
        STANDARD);
  }

  @Test
  void dueAndWarningFollowWorkingTime() {
    SlaTimer t = resolution("2026-12-07T11:00", 240); // Monday, 4 working hours
    assertEquals(at("2026-12-07T16:30"), t.dueAt);
    assertEquals(at("2026-12-07T15:42"), t.warnAt); // 80 % = 192 min
    assertNull(t.due(at("2026-12-07T15:41")));
    assertEquals(SlaTimerState.WARNING, t.due(at("2026-12-07T15:42")));
    t.mark(SlaTimerState.WARNING, at("2026-12-07T15:42"));
    assertEquals(SlaTimerState.WARNING, t.state);
    assertNull(t.due(at("2026-12-07T16:00")), "a warning comes once");
    assertEquals(SlaTimerState.BREACHED, t.due(at("2026-12-07T16:30")));
    t.mark(SlaTimerState.BREACHED, at("2026-12-07T16:30"));
    assertNull(t.due(at("2026-12-08T10:00")), "a breach comes once");
  }

  @Test
  void aPauseKeepsTheTimerAndItsElapsedTime() {
    SlaTimer t = resolution("2026-12-07T09:00", 240);
    UUID id = UUID.randomUUID();
    t.id = id;
    assertTrue(t.pause(at("2026-12-07T10:00"), "waiting-for-customer", STANDARD));
    assertEquals(SlaTimerState.PAUSED, t.state);
    assertEquals(3600, t.elapsed(at("2026-12-09T10:00"), STANDARD), "no time counts while paused");
    assertNull(t.due(at("2026-12-20T10:00")), "a paused timer is never breached");
    assertFalse(t.pause(at("2026-12-07T11:00"), "again", STANDARD));
    // Resumed on Wednesday 09:00 with 3 working hours left: due at 12:00 that day.
    assertTrue(t.resume(at("2026-12-09T09:00"), STANDARD));
    assertEquals(id, t.id);
    assertEquals(SlaTimerState.RUNNING, t.state);
    assertEquals(at("2026-12-09T12:00"), t.dueAt);
    assertEquals(3600, t.elapsedSeconds);
    assertEquals((long) ((6.5 + 7.5) * 3600), t.pausedSeconds, "Mon 10–18 (lunch out), all Tue");
  }

  @Test
  void stoppingLateIsABreachAndOnTimeIsMet() {
    SlaTimer onTime = resolution("2026-12-07T09:00", 60);
    assertTrue(onTime.stop(at("2026-12-07T09:59"), STANDARD));
    assertEquals(SlaTimerState.MET, onTime.state);
    assertFalse(onTime.stop(at("2026-12-07T10:30"), STANDARD));
    SlaTimer late = resolution("2026-12-07T09:00", 60);
    late.stop(at("2026-12-07T10:01"), STANDARD);
    assertEquals(SlaTimerState.BREACHED, late.state);
    assertEquals(at("2026-12-07T10:01"), late.breachedAt);
  }

  @Test
  void aRestartCountsOnFromTheElapsedTime() {
    SlaTimer t = resolution("2026-12-07T09:00", 240);
    t.stop(at("2026-12-07T11:00"), STANDARD); // 2 h used
    assertTrue(t.restart(at("2026-12-08T09:00"), STANDARD));
    assertEquals(at("2026-12-08T11:00"), t.dueAt, "2 h left");
    assertNull(t.stoppedAt);
    assertFalse(t.restart(at("2026-12-08T10:00"), STANDARD));
  }

  @Test
  void theNextCycleStartsFromZero() {
    SlaTimer t = resolution("2026-12-07T09:00", 60);
    t.stop(at("2026-12-07T09:30"), STANDARD);
    t.nextCycle(at("2026-12-07T14:00"), STANDARD);
    assertEquals(2, t.cycle);
    assertEquals(0, t.elapsedSeconds);
    assertEquals(at("2026-12-07T15:00"), t.dueAt);
    assertEquals(SlaTimerState.RUNNING, t.state);
  }

  @Test
  void holidaysMoveTheDueTime() {
    WorkingTime withHoliday =
        WorkingTimeTest.standard(Set.of(LocalDate.parse("2026-12-08")), Set.of());
    SlaTimer t =
        SlaTimer.start(
            UUID.randomUUID(),
            SlaTimerKind.RESOLUTION,
            UUID.randomUUID(),
            UUID.randomUUID(),
            8 * 3600L,
            80,
            at("2026-12-07T17:00"),
            withHoliday);
    // Monday 17–18, Tuesday a holiday, Wednesday 09:00–12:00 and 13:30–17:30.
    assertEquals(at("2026-12-09T17:30"), t.dueAt);
  }
}
