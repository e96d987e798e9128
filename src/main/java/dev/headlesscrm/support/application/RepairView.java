package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.RepairPart;
import dev.headlesscrm.support.domain.RepairStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A repair (产品维修) as clients read it. */
@Type("Repair")
@Schema(
    name = "Repair",
    description =
        "A repair work order made from a service request. Status moves only through its actions:"
            + " schedule (OPEN or SCHEDULED → SCHEDULED), start (→ IN_PROGRESS), complete"
            + " (IN_PROGRESS → COMPLETED) and cancel. Costs are computed: each part's amount is"
            + " quantity × unitPrice, labourTotal is labourHours × labourRate, total their sum;"
            + " chargeable is 0 when inWarranty (the goods' warranty covered the day it was"
            + " opened), else total.")
public record RepairView(
    @Id UUID id,
    @Schema(examples = "WX202612070001") String number,
    UUID serviceRequestId,
    @Schema(description = "The request's customer") UUID customerId,
    UUID goodsId,
    String fault,
    String diagnosis,
    @Schema(description = "What was done; set by complete") String resolution,
    UUID technicianId,
    Instant scheduledStart,
    Instant scheduledEnd,
    String visitAddress,
    @Schema(description = "Whether the goods' warranty covered the day the repair was opened")
        boolean inWarranty,
    String currency,
    List<Part> parts,
    BigDecimal labourHours,
    BigDecimal labourRate,
    @Schema(description = "Sum of the parts' amounts") BigDecimal partsTotal,
    @Schema(description = "labourHours × labourRate") BigDecimal labourTotal,
    @Schema(description = "partsTotal + labourTotal") BigDecimal total,
    @Schema(description = "What the customer pays: 0 in warranty, else total")
        BigDecimal chargeable,
    RepairStatus status,
    Instant startedAt,
    Instant completedAt,
    Instant cancelledAt,
    String cancelReason,
    @Schema(description = "Who is responsible for it (the technician by default)") UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {

  /** A quantity or price without trailing zeros, never in exponent notation (150, not 1.5E+2). */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  /** A part the repair uses. */
  @Type("RepairPart")
  @Schema(name = "RepairPart")
  public record Part(
      UUID id,
      UUID productId,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      @Schema(description = "quantity × unitPrice") BigDecimal amount,
      String serialNumber) {

    static Part of(RepairPart p, int scale) {
      return new Part(
          p.id,
          p.productId,
          p.description,
          plain(p.quantity),
          plain(p.unitPrice),
          p.amount.setScale(scale, RoundingMode.HALF_UP),
          p.serialNumber);
    }
  }
}
