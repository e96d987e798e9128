package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.Weekday;
import dev.headlesscrm.support.domain.WorkingHours;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A business calendar (工作日历) as clients read it. */
@Type("BusinessCalendar")
@Schema(
    name = "BusinessCalendar",
    description =
        "Working time SLA timers count: weekly hours with breaks, holidays and make-up working days"
            + " (调休), in a time zone.")
public record BusinessCalendarView(
    @Id UUID id,
    String name,
    String timeZone,
    List<WorkingHours> weeklyHours,
    List<LocalDate> holidays,
    List<LocalDate> makeUpWorkdays,
    Weekday makeUpHoursOf,
    String description,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
