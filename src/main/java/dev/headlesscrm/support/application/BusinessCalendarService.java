package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.BusinessTime;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.domain.BusinessCalendar;
import dev.headlesscrm.support.domain.Weekday;
import dev.headlesscrm.support.domain.WorkingHours;
import dev.headlesscrm.support.domain.WorkingTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Business calendars (工作日历): the working time SLA timers count. A change applies to timers from
 * their next change on (a pause, a resume, a new request); running timers keep the due times they
 * were given.
 */
@ApplicationScoped
public class BusinessCalendarService
    extends RecordService<BusinessCalendar, BusinessCalendarView, BusinessCalendarInput> {

  static final RecordDefinition<BusinessCalendar, BusinessCalendarView, BusinessCalendarInput>
      DEFINITION =
          RecordDefinition.of(
                  SupportResources.CALENDARS,
                  BusinessCalendar.class,
                  BusinessCalendarView.class,
                  BusinessCalendarInput.class)
              .view("makeUpHoursOf", c -> Weekday.valueOf(c.makeUpHoursOf))
              .input("makeUpHoursOf", c -> Weekday.valueOf(c.makeUpHoursOf))
              .input("weeklyHours", c -> c.weeklyHours.stream().map(WorkingHoursInput::of).toList())
              .own("name", "timeZone", "weeklyHours", "holidays", "makeUpWorkdays", "makeUpHoursOf")
              .build();

  @Override
  protected RecordDefinition<BusinessCalendar, BusinessCalendarView, BusinessCalendarInput>
      definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(BusinessCalendarInput in, BusinessCalendar c, boolean creating) {
    String zone = in.timeZone() == null || in.timeZone().isBlank() ? null : in.timeZone().trim();
    try {
      c.timeZone = zone == null ? BusinessTime.ZONE.getId() : ZoneId.of(zone).getId();
    } catch (DateTimeException e) {
      throw CrmException.invalidField(
          "timeZone", "unknown", Text.of("Not an IANA time zone.", "不是有效的 IANA 时区。"));
    }
    List<WorkingHours> hours = new ArrayList<>();
    for (int i = 0; i < in.weeklyHours().size(); i++) {
      WorkingHours h = in.weeklyHours().get(i).hours();
      if (WorkingHours.minutes(h.to()) <= WorkingHours.minutes(h.from())) {
        throw CrmException.invalidField(
            "weeklyHours[" + i + "].to",
            "before-from",
            Text.of("An interval ends after it starts.", "时段的结束时间须晚于开始时间。"));
      }
      hours.add(h);
    }
    Weekday makeUpAs = in.makeUpHoursOf() == null ? Weekday.MONDAY : in.makeUpHoursOf();
    List<LocalDate> makeUp = sorted(in.makeUpWorkdays());
    if (!makeUp.isEmpty() && hours.stream().noneMatch(h -> h.day() == makeUpAs)) {
      throw CrmException.invalidField(
          "makeUpHoursOf",
          "no-hours",
          Text.of(
              "Make-up working days take the hours of " + makeUpAs + ", which has none.",
              "调休工作日沿用" + makeUpAs + "的工作时间，但该日没有工作时间。"));
    }
    c.name = in.name().trim();
    c.description = in.description();
    c.weeklyHours = hours;
    c.holidays = sorted(in.holidays());
    c.makeUpWorkdays = makeUp;
    c.makeUpHoursOf = makeUpAs.name();
  }

  private static List<LocalDate> sorted(List<LocalDate> dates) {
    return dates == null ? new ArrayList<>() : new ArrayList<>(new TreeSet<>(dates));
  }

  /** The working time of a calendar, deleted ones included (timers keep theirs). */
  public WorkingTime workingTime(UUID calendarId) {
    BusinessCalendar c = em.find(BusinessCalendar.class, calendarId);
    if (c == null) {
      throw new IllegalStateException("no business calendar " + calendarId);
    }
    return c.workingTime();
  }
}
