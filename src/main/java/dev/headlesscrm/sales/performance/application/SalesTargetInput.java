package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.sales.performance.domain.SalesTargetMetric;
import dev.headlesscrm.sales.performance.domain.TargetPeriodKind;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a sales target; exactly one of employee and department. */
@Input("SalesTargetInput")
@Schema(name = "SalesTargetInput")
public record SalesTargetInput(
    @Schema(description = "An employee's target (or departmentId)") UUID employeeId,
    @Schema(description = "A department's target, its sub-departments included (or employeeId)")
        UUID departmentId,
    @Schema(description = "Optional: follows from period") TargetPeriodKind periodKind,
    @NotBlank
        @Size(max = 7)
        @Schema(
            description = "A month 2026-11, a quarter 2026-Q4 or a year 2026",
            examples = "2026-11")
        String period,
    @NotNull SalesTargetMetric metric,
    @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 6)
        @Schema(description = "An amount, or a whole number of customers")
        BigDecimal target,
    @Size(max = 1000) String notes,
    @Size(max = 100) String externalId) {}
