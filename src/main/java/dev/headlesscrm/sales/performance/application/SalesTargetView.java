package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.performance.domain.SalesTargetMetric;
import dev.headlesscrm.sales.performance.domain.TargetPeriodKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sales target as clients read it. */
@Type("SalesTarget")
@Schema(
    name = "SalesTarget",
    description =
        "A sales target (销售计划 / 业绩目标) of an employee or a department for a month, quarter or"
            + " year.")
public record SalesTargetView(
    @Id UUID id,
    UUID employeeId,
    UUID departmentId,
    TargetPeriodKind periodKind,
    @Schema(examples = "2026-11") String period,
    SalesTargetMetric metric,
    BigDecimal target,
    String notes,
    String externalId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {

  /** Amounts with the contract decimal places, customers as whole numbers. */
  static BigDecimal figure(SalesTargetMetric metric, BigDecimal value, int scale) {
    return value == null
        ? null
        : value.setScale(
            metric == SalesTargetMetric.NEW_CUSTOMERS ? 0 : scale, RoundingMode.HALF_UP);
  }
}
