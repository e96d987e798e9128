package dev.headlesscrm.support.domain;

import java.time.DayOfWeek;

/** A day of the week as calendars name it (the API's own enum, so every contract declares it). */
public enum Weekday {
  MONDAY,
  TUESDAY,
  WEDNESDAY,
  THURSDAY,
  FRIDAY,
  SATURDAY,
  SUNDAY;

  public DayOfWeek dayOfWeek() {
    return DayOfWeek.valueOf(name());
  }
}
