package dev.headlesscrm.support.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working time of a business calendar: weekly hours (several intervals a day, so breaks such as
 * lunch are gaps), holidays (no working time) and make-up working days (调休: a weekend day worked
 * with the hours of {@code makeUpHoursOf}). Measures working seconds between two instants and finds
 * the instant a number of working seconds after another. Pure and immutable.
 */
public final class WorkingTime {

  /** An interval of a day in minutes from midnight, {@code to} up to 1440 (24:00). */
  public record Interval(int from, int to) {
    public Interval {
      if (from < 0 || to > 24 * 60 || from >= to) {
        throw new IllegalArgumentException("an interval runs forward within one day");
      }
    }
  }

  /** How far ahead {@link #plus} looks before it gives up (a calendar with almost no hours). */
  static final int HORIZON_DAYS = 3 * 366;

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Interval>> week;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> makeUpDays;
  private final DayOfWeek makeUpHoursOf;

  public WorkingTime(
      ZoneId zone,
      Map<DayOfWeek, List<Interval>> week,
      Set<LocalDate> holidays,
      Set<LocalDate> makeUpDays,
      DayOfWeek makeUpHoursOf) {
    this.zone = zone;
    Map<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
    week.forEach((day, intervals) -> copy.put(day, merged(intervals)));
    this.week = copy;
    this.holidays = Set.copyOf(holidays);
    this.makeUpDays = Set.copyOf(makeUpDays);
    this.makeUpHoursOf = makeUpHoursOf;
  }

  /** Sorted, overlapping and touching intervals joined. */
  static List<Interval> merged(List<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingInt(Interval::from));
    List<Interval> out = new ArrayList<>();
    for (Interval i : sorted) {
      if (!out.isEmpty() && out.get(out.size() - 1).to() >= i.from()) {
        Interval last = out.remove(out.size() - 1);
        out.add(new Interval(last.from(), Math.max(last.to(), i.to())));
      } else {
        out.add(i);
      }
    }
    return List.copyOf(out);
  }

  /** Whether the calendar has any working time in an ordinary week or on a make-up day. */
  public boolean hasHours() {
    return week.values().stream().anyMatch(l -> !l.isEmpty());
  }

  /** The working intervals of a date. */
  public List<Interval> hoursOn(LocalDate date) {
    if (holidays.contains(date)) {
      return List.of();
    }
    DayOfWeek day = makeUpDays.contains(date) ? makeUpHoursOf : date.getDayOfWeek();
    return week.getOrDefault(day, List.of());
  }

  /** Working seconds in [from, to); 0 when to is not after from. */
  public long secondsBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    LocalDate day = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    long total = 0;
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      for (Interval i : hoursOn(day)) {
        Instant start = at(day, i.from());
        Instant end = at(day, i.to());
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        if (b.isAfter(a)) {
          total += Duration.between(a, b).getSeconds();
        }
      }
    }
    return total;
  }

  /**
   * The instant {@code seconds} of working time after {@code from}: when the last second is worked.
   * Zero seconds gives {@code from} itself. Throws when the calendar has no working time within
   * {@link #HORIZON_DAYS}.
   */
  public Instant plus(Instant from, long seconds) {
    if (seconds <= 0) {
      return from;
    }
    long left = seconds;
    LocalDate day = from.atZone(zone).toLocalDate();
    for (int n = 0; n <= HORIZON_DAYS; n++, day = day.plusDays(1)) {
      for (Interval i : hoursOn(day)) {
        Instant start = at(day, i.from());
        Instant end = at(day, i.to());
        if (!end.isAfter(from)) {
          continue;
        }
        Instant a = start.isAfter(from) ? start : from;
        long available = Duration.between(a, end).getSeconds();
        if (available >= left) {
          return a.plusSeconds(left);
        }
        left -= available;
      }
    }
    throw new IllegalStateException("no working time within " + HORIZON_DAYS + " days");
  }

  private Instant at(LocalDate day, int minute) {
    ZonedDateTime midnight = day.atStartOfDay(zone);
    return midnight.plusMinutes(minute).toInstant();
  }
}
