package dev.headlesscrm.support.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic of business calendars: breaks, weekends, holidays, 调休. */
class WorkingTimeTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** 09:00–12:00 and 13:30–18:00 (7.5 h), Monday to Friday. */
  static WorkingTime standard(Set<LocalDate> holidays, Set<LocalDate> makeUp) {
    Map<DayOfWeek, List<WorkingTime.Interval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      week.put(d, List.of(new WorkingTime.Interval(540, 720), new WorkingTime.Interval(810, 1080)));
    }
    return new WorkingTime(SHANGHAI, week, holidays, makeUp, DayOfWeek.MONDAY);
  }

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  @Test
  void theLunchBreakDoesNotCount() {
    WorkingTime t = standard(Set.of(), Set.of());
    // 2026-12-07 is a Monday. 11:00 + 2 h of work = 11:00–12:00, then 13:30–14:30.
    assertEquals(at("2026-12-07T14:30"), t.plus(at("2026-12-07T11:00"), 2 * 3600));
    assertEquals(2 * 3600, t.secondsBetween(at("2026-12-07T11:00"), at("2026-12-07T14:30")));
    // Within the break nothing is counted.
    assertEquals(0, t.secondsBetween(at("2026-12-07T12:10"), at("2026-12-07T13:20")));
  }

  @Test
  void outsideHoursTheClockStartsAtTheNextWorkingMinute() {
    WorkingTime t = standard(Set.of(), Set.of());
    // Friday 17:00 + 4 h: 1 h on Friday, then Monday 09:00–12:00.
    assertEquals(at("2026-12-14T12:00"), t.plus(at("2026-12-11T17:00"), 4 * 3600));
    // Saturday night + 30 min: Monday 09:30.
    assertEquals(at("2026-12-14T09:30"), t.plus(at("2026-12-12T22:00"), 1800));
    // A weekend counts nothing.
    assertEquals(0, t.secondsBetween(at("2026-12-12T00:00"), at("2026-12-14T09:00")));
  }

  @Test
  void holidaysAreSkippedAndMakeUpDaysWorked() {
    // 2027-01-01 (Friday) a holiday; Sunday 2027-01-03 a make-up working day with Monday's hours.
    WorkingTime t =
        standard(Set.of(LocalDate.parse("2027-01-01")), Set.of(LocalDate.parse("2027-01-03")));
    assertEquals(at("2027-01-03T10:00"), t.plus(at("2026-12-31T17:00"), 2 * 3600));
    assertEquals(7.5 * 3600, t.secondsBetween(at("2027-01-03T00:00"), at("2027-01-04T00:00")));
    assertEquals(0, t.secondsBetween(at("2027-01-01T00:00"), at("2027-01-02T00:00")));
    assertEquals(List.of(), t.hoursOn(LocalDate.parse("2027-01-01")));
  }

  @Test
  void aWholeDayIntervalEndsAtMidnight() {
    Map<DayOfWeek, List<WorkingTime.Interval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      week.put(d, List.of(new WorkingTime.Interval(0, 1440)));
    }
    WorkingTime always = new WorkingTime(SHANGHAI, week, Set.of(), Set.of(), DayOfWeek.MONDAY);
    Instant from = at("2026-12-07T23:30");
    assertEquals(from.plusSeconds(3 * 86400), always.plus(from, 3 * 86400));
    assertEquals(90 * 60, always.secondsBetween(from, at("2026-12-08T01:00")));
  }

  @Test
  void overlappingIntervalsCountOnce() {
    assertEquals(
        List.of(new WorkingTime.Interval(540, 1080)),
        WorkingTime.merged(
            List.of(new WorkingTime.Interval(540, 720), new WorkingTime.Interval(700, 1080))));
  }

  @Test
  void aCalendarWithoutHoursIsRefusedRatherThanLoopingForever() {
    WorkingTime none = new WorkingTime(SHANGHAI, Map.of(), Set.of(), Set.of(), DayOfWeek.MONDAY);
    assertThrows(IllegalStateException.class, () -> none.plus(at("2026-12-07T09:00"), 60));
    assertThrows(IllegalArgumentException.class, () -> new WorkingTime.Interval(600, 600));
  }

  /** plus and secondsBetween are inverse for any start and amount (within the horizon). */
  @Test
  void plusAndBetweenAgree() {
    WorkingTime t =
        standard(Set.of(LocalDate.parse("2026-12-25")), Set.of(LocalDate.parse("2026-12-27")));
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 2000; i++) {
      Instant from = at("2026-12-01T00:00").plusSeconds(random.nextInt(60 * 86400));
      long seconds = random.nextInt(40 * 3600);
      Instant end = t.plus(from, seconds);
      assertEquals(seconds, t.secondsBetween(from, end), "from " + from + " + " + seconds);
      // Nothing sooner would do: one second before the end is one working second short.
      if (seconds > 0) {
        assertEquals(seconds - 1, t.secondsBetween(from, end.minusSeconds(1)));
      }
    }
  }
}
