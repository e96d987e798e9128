package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.PackingDirection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable fields of a packing list (lines while DRAFT, the rest until it ships); its status
 * moves only through its actions.
 */
@Input("PackingListInput")
@Schema(name = "PackingListInput", description = "The writable fields of a packing list (装箱单).")
public record PackingListInput(
    @Schema(description = "OUTBOUND when omitted") PackingDirection direction,
    @Schema(description = "The repair it ships parts for; exactly one of repairId and orderId")
        UUID repairId,
    @Schema(description = "The sales order it ships; exactly one of repairId and orderId")
        UUID orderId,
    @Size(max = 500) String shipFromAddress,
    @Size(max = 500)
        @Schema(
            description =
                "For OUTBOUND, the repair's visit address or the order's shipping address when"
                    + " omitted",
            examples = "上海市浦东新区世纪大道 100 号")
        String shipToAddress,
    @Size(max = 100) @Schema(examples = "顺丰速运") String carrier,
    @Size(max = 100) @Schema(examples = "SF1234567890") String trackingNumber,
    @Size(max = 500)
        @Schema(
            description =
                "When omitted on create: the repair's parts, or the order's lines with a product")
        List<@Valid @NotNull Line> lines,
    @Size(max = 10000) String notes) {

  /** A line as clients write it. */
  @Input("PackingListLineInput")
  @Schema(name = "PackingListLineInput")
  public record Line(
      @NotNull UUID productId,
      @Size(max = 200) @Schema(description = "The product's name when omitted") String description,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6)
          BigDecimal quantity,
      @Size(max = 1000) @Schema(description = "One per unit at most, none twice in the list")
          List<@NotBlank @Size(max = 100) String> serialNumbers) {}
}
