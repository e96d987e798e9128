package dev.headlesscrm.support.domain;

/**
 * One working interval of a weekday, {@code from} and {@code to} as {@code HH:mm} ({@code to} may
 * be {@code 24:00}). Several on one day leave breaks between them.
 */
public record WorkingHours(Weekday day, String from, String to) {

  /** Minutes from midnight of {@code HH:mm}. */
  public static int minutes(String hhmm) {
    return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
  }

  public WorkingTime.Interval interval() {
    return new WorkingTime.Interval(minutes(from), minutes(to));
  }
}
