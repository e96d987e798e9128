package dev.headlesscrm.sales.pipeline.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.pipeline.domain.OpportunityLine;
import dev.headlesscrm.sales.pipeline.domain.OpportunityStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An opportunity as clients read it. */
@Type("Opportunity")
@Schema(name = "Opportunity", description = "An opportunity (商机).")
public record OpportunityView(
    @Id UUID id,
    @Schema(description = "商机编号 from the numbering rule 'opportunity'", examples = "SJ202611230001")
        String number,
    String name,
    UUID customerId,
    @Schema(description = "A contact of the customer") UUID primaryContactId,
    UUID pipelineId,
    UUID stageId,
    @Schema(description = "The stage's code", examples = "PROPOSAL") String stageCode,
    @Schema(description = "The stage's win probability (percent)") BigDecimal probability,
    @Schema(description = "The sum of the lines when there are lines") BigDecimal amount,
    String currency,
    LocalDate expectedCloseDate,
    LocalDate actualCloseDate,
    OpportunityStatus status,
    @Schema(description = "Code from dictionary 'loss-reason'") String lossReason,
    String closeNotes,
    @Schema(description = "Competitors (free text until marketing adds competitors)")
        String competitors,
    String source,
    @Schema(description = "The lead it was converted from") UUID leadId,
    String notes,
    List<Line> lines,
    Map<String, String> custom,
    String externalId,
    UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {

  /** A product line. */
  @Type("OpportunityLine")
  @Schema(name = "OpportunityLine")
  public record Line(
      UUID id,
      UUID productId,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      @Schema(description = "Percent, 0-100") BigDecimal discountPercent,
      @Schema(description = "quantity × unitPrice × (1 − discount/100), rounded")
          BigDecimal amount) {

    static Line of(OpportunityLine l, int scale) {
      return new Line(
          l.id,
          l.productId,
          l.description,
          l.quantity.stripTrailingZeros(),
          l.unitPrice.stripTrailingZeros(),
          l.discountPercent.stripTrailingZeros(),
          l.amount.setScale(scale, RoundingMode.HALF_UP));
    }
  }
}
