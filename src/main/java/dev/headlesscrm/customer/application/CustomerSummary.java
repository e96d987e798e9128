package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.LifecycleStage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of a customer's 360° view (客户全方位视图), as the caller may see them. */
@Type("CustomerSummary")
@Schema(
    name = "CustomerSummary",
    description =
        "Figures the caller may see: a sum over records outside their data scope leaves those"
            + " records out, and a figure built from a field hidden from them is null.")
public record CustomerSummary(
    UUID customerId,
    String name,
    LifecycleStage lifecycleStage,
    UUID ownerId,
    @Schema(description = "Set while the customer is in a public pool") UUID poolId,
    @Schema(description = "When the pool rules return it") Instant poolReturnAt,
    long openOpportunities,
    @Schema(description = "The open opportunities' amounts") BigDecimal openOpportunityAmount,
    @Schema(description = "Each open amount times its stage's win probability")
        BigDecimal weightedOpportunityAmount,
    @Schema(description = "Approved, active and completed contracts") BigDecimal contractTotal,
    @Schema(description = "Approved payments against them") BigDecimal received,
    @Schema(description = "contractTotal less received") BigDecimal outstanding,
    @Schema(description = "Unreceived plan periods past due") BigDecimal overdue,
    Instant lastFollowUpAt,
    String lastFollowUpContent,
    Instant nextFollowUpAt,
    @Schema(description = "Open tasks about the customer the caller may see") long openTasks,
    @Schema(description = "Of them, past due") long overdueTasks) {}
