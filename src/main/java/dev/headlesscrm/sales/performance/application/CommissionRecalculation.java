package dev.headlesscrm.sales.performance.application;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a recalculation did to the open (CALCULATED) commissions of a month. */
@Type("CommissionRecalculation")
@Schema(name = "CommissionRecalculation")
public record CommissionRecalculation(
    @Schema(examples = "2026-11") String period,
    @Schema(description = "The employees recalculated") List<UUID> employeeIds,
    @Schema(description = "Commissions and adjustments added") int created,
    @Schema(description = "Open ones whose figures changed") int changed,
    @Schema(description = "Open ones withdrawn (their source no longer counts)") int removed) {}
