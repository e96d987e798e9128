package dev.headlesscrm.support.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable fields of a repair; its status, resolution, warranty and costs are the server's
 * (status through the actions, costs computed from the parts and labour).
 */
@Input("RepairInput")
@Schema(name = "RepairInput", description = "The writable fields of a repair (产品维修).")
public record RepairInput(
    @NotNull
        @Schema(
            description =
                "The service request it works; its customer and goods are the repair's."
                    + " Cannot change.")
        UUID serviceRequestId,
    @Schema(description = "The customer's goods to repair; the request's goods when omitted")
        UUID goodsId,
    @Size(max = 2000)
        @Schema(description = "The request's subject when omitted", examples = "打印机高温卡纸")
        String fault,
    @Size(max = 20000) String diagnosis,
    @Schema(description = "The employee who repairs it; owns the repair unless ownerId is given")
        UUID technicianId,
    @Schema(description = "Start of the visit window (field service)") Instant scheduledStart,
    @Schema(description = "End of the visit window, after its start") Instant scheduledEnd,
    @Size(max = 500)
        @Schema(
            description = "Where to go; the goods' install address when omitted",
            examples = "上海市浦东新区世纪大道 100 号")
        String visitAddress,
    @DecimalMin("0") @Digits(integer = 7, fraction = 2) @Schema(examples = "1.5")
        BigDecimal labourHours,
    @DecimalMin("0")
        @Digits(integer = 12, fraction = 6)
        @Schema(description = "Per hour", examples = "120")
        BigDecimal labourRate,
    @Pattern(regexp = "[A-Z]{3}") @Schema(description = "The default currency when omitted")
        String currency,
    @Size(max = 200) List<@Valid @NotNull Part> parts,
    UUID ownerId) {

  /** A part the repair uses, as clients write it. */
  @Input("RepairPartInput")
  @Schema(name = "RepairPartInput")
  public record Part(
      @NotNull UUID productId,
      @Size(max = 200) @Schema(description = "The product's name when omitted") String description,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6)
          BigDecimal quantity,
      @DecimalMin("0")
          @Digits(integer = 12, fraction = 6)
          @Schema(description = "The product's list price when omitted")
          BigDecimal unitPrice,
      @Size(max = 100) @Schema(description = "The serial number of the part fitted")
          String serialNumber) {}
}
