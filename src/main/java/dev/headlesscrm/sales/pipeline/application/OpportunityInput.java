package dev.headlesscrm.sales.pipeline.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of an opportunity. */
@Input("OpportunityInput")
@Schema(name = "OpportunityInput")
public record OpportunityInput(
    @NotBlank @Size(max = 200) String name,
    @NotNull UUID customerId,
    UUID primaryContactId,
    @Schema(description = "The default pipeline when omitted") UUID pipelineId,
    @Schema(description = "The pipeline's first open stage when omitted") UUID stageId,
    @DecimalMin("0")
        @Digits(integer = 12, fraction = 6)
        @Schema(description = "Ignored when there are lines (their sum wins)")
        BigDecimal amount,
    @Pattern(regexp = "[A-Z]{3}") @Schema(description = "The default currency when omitted")
        String currency,
    LocalDate expectedCloseDate,
    @Schema(description = "Today when a won or lost stage is reached, unless given")
        LocalDate actualCloseDate,
    @Size(max = 64) String lossReason,
    @Size(max = 1000) String closeNotes,
    @Size(max = 1000) String competitors,
    @Size(max = 64) String source,
    @Size(max = 10000) String notes,
    @io.smallrye.graphql.api.Nullable @Size(max = 200) List<@Valid @NotNull LineInput> lines,
    Map<String, String> custom,
    @Size(max = 100) String externalId,
    @Schema(description = "The owning employee; the caller when omitted") UUID ownerId) {

  /** A product line. */
  @Input("OpportunityLineInput")
  @Schema(name = "OpportunityLineInput")
  public record LineInput(
      UUID productId,
      @NotBlank @Size(max = 200) String description,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6)
          BigDecimal quantity,
      @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 6) BigDecimal unitPrice,
      @DecimalMin("0") @DecimalMax("100") BigDecimal discountPercent) {}
}
