package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 工作日历: the working time SLA timers count. */
@Entity
@Table(name = "business_calendars")
public class BusinessCalendar extends SoftDeletableEntity {

  @Column(nullable = false, length = 100)
  public String name;

  @Column(name = "time_zone", nullable = false, length = 64)
  public String timeZone;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "weekly_hours", nullable = false)
  public List<WorkingHours> weeklyHours = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false)
  public List<LocalDate> holidays = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "make_up_workdays", nullable = false)
  public List<LocalDate> makeUpWorkdays = new ArrayList<>();

  @Column(name = "make_up_hours_of", nullable = false, length = 16)
  public String makeUpHoursOf = DayOfWeek.MONDAY.name();

  @Column(columnDefinition = "text")
  public String description;

  /** The calendar as working time to count with. */
  public WorkingTime workingTime() {
    Map<DayOfWeek, List<WorkingTime.Interval>> week = new EnumMap<>(DayOfWeek.class);
    for (WorkingHours h : weeklyHours) {
      week.computeIfAbsent(h.day().dayOfWeek(), d -> new ArrayList<>()).add(h.interval());
    }
    return new WorkingTime(
        ZoneId.of(timeZone),
        week,
        new HashSet<>(holidays),
        new HashSet<>(makeUpWorkdays),
        DayOfWeek.valueOf(makeUpHoursOf));
  }
}
