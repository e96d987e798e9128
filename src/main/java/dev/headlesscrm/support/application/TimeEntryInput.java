package dev.headlesscrm.support.application;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a time entry. */
@Input("TimeEntryInput")
@Schema(name = "TimeEntryInput", description = "Hours worked on a service project on a day.")
public record TimeEntryInput(
    @NotNull @Schema(description = "The service project (fixed once created)") UUID projectId,
    @Schema(description = "One of the project's milestones") UUID milestoneId,
    @Schema(description = "One of the project's tasks (relatedResource service-project)")
        UUID taskId,
    @Schema(description = "Who worked (an active employee); the caller when omitted")
        UUID employeeId,
    @NotNull @Schema(examples = "2026-12-07") LocalDate workDate,
    @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("24")
        @Digits(integer = 2, fraction = 2)
        @Schema(description = "More than 0, at most 24", examples = "2.5")
        BigDecimal hours,
    @Schema(description = "true when omitted") Boolean billable,
    @Size(max = 2000) String description) {}
