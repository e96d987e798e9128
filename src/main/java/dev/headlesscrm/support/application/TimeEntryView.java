package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A time entry (工时) as clients read it. */
@Type("TimeEntry")
@Schema(
    name = "TimeEntry",
    description =
        "Hours an employee worked on a service project on a day. Logging, changing, deleting or"
            + " restoring one recounts the project's loggedHours through the project's version;"
            + " crossing budgetHours sets overBudget with one service-project.over-budget event."
            + " Seen by those who see its project.")
public record TimeEntryView(
    @Id UUID id,
    UUID projectId,
    UUID milestoneId,
    UUID taskId,
    UUID employeeId,
    LocalDate workDate,
    BigDecimal hours,
    boolean billable,
    String description,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
