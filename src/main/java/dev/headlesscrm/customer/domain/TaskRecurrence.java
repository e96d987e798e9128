package dev.headlesscrm.customer.domain;

import java.time.ZonedDateTime;

/** How a task recurs: every interval days, weeks, months or years after its due time. */
public enum TaskRecurrence {
  NONE,
  DAILY,
  WEEKLY,
  MONTHLY,
  YEARLY;

  /** The next due time, in the business zone (so a monthly task keeps its day and hour). */
  public ZonedDateTime next(ZonedDateTime due, int interval) {
    return switch (this) {
      case NONE -> due;
      case DAILY -> due.plusDays(interval);
      case WEEKLY -> due.plusWeeks(interval);
      case MONTHLY -> due.plusMonths(interval);
      case YEARLY -> due.plusYears(interval);
    };
  }
}
