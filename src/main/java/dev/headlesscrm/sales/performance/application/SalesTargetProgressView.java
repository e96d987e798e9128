package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.performance.domain.SalesTargetMetric;
import dev.headlesscrm.sales.performance.domain.TargetPeriodKind;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target with what was reached so far (业绩完成情况). */
@Type("SalesTargetProgress")
@Schema(
    name = "SalesTargetProgress",
    description =
        "A target with its actual and attainment. Contract amount: approved, active or completed"
            + " contracts by signing date (approval date without one); payments received: approved"
            + " payments by the day paid, of contracts owned likewise; new customers: customers"
            + " created. An employee's target counts what they own, a department's what is owned"
            + " within it and its sub-departments.")
public record SalesTargetProgressView(
    @Id @Schema(description = "The target's id") UUID id,
    UUID employeeId,
    UUID departmentId,
    TargetPeriodKind periodKind,
    String period,
    SalesTargetMetric metric,
    BigDecimal target,
    BigDecimal actual,
    @Schema(
            description = "actual / target, 4 decimals; null when the target is 0",
            examples = "0.8125")
        BigDecimal attainment,
    @Schema(description = "The target's version") long version)
    implements Versioned {}
