package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.LifecycleStage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
    @Schema(
            description =
                "The currency of the amounts below: the default-currency setting. Records in other"
                    + " currencies are not converted or added in; they are in otherCurrencies",
            examples = "CNY")
        String currency,
    @Schema(description = "The open opportunities' amounts") BigDecimal openOpportunityAmount,
    @Schema(description = "Each open amount times its stage's win probability")
        BigDecimal weightedOpportunityAmount,
    @Schema(description = "Approved, active and completed contracts") BigDecimal contractTotal,
    @Schema(description = "Approved payments against them") BigDecimal received,
    @Schema(description = "contractTotal less received") BigDecimal outstanding,
    @Schema(description = "Unreceived plan periods past due") BigDecimal overdue,
    @Schema(description = "The same amounts for each other currency the customer's records use")
        List<CurrencyAmounts> otherCurrencies,
    Instant lastFollowUpAt,
    String lastFollowUpContent,
    Instant nextFollowUpAt,
    @Schema(description = "Open tasks about the customer the caller may see") long openTasks,
    @Schema(description = "Of them, past due") long overdueTasks) {

  /** A customer's amounts in one currency other than the default. */
  @Type("CustomerCurrencyAmounts")
  @Schema(name = "CustomerCurrencyAmounts", description = "A customer's amounts in one currency.")
  public record CurrencyAmounts(
      @Schema(examples = "USD") String currency,
      BigDecimal openOpportunityAmount,
      BigDecimal weightedOpportunityAmount,
      BigDecimal contractTotal,
      BigDecimal received,
      BigDecimal outstanding,
      BigDecimal overdue) {}
}
