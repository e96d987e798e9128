package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.PackingDirection;
import dev.headlesscrm.support.domain.PackingListLine;
import dev.headlesscrm.support.domain.PackingListStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A packing list (装箱单) as clients read it. */
@Type("PackingList")
@Schema(
    name = "PackingList",
    description =
        "Parts shipped to a customer (OUTBOUND) or returned by one (RETURN), for a repair or a"
            + " sales order, whose customer it takes. Status moves only through its actions: pack"
            + " (DRAFT → PACKED, needs lines), ship (PACKED → SHIPPED, needs a tracking number),"
            + " deliver (SHIPPED → DELIVERED) and return (SHIPPED or DELIVERED → RETURNED: the"
            + " shipment came back).")
public record PackingListView(
    @Id UUID id,
    @Schema(examples = "ZX202612070001") String number,
    PackingDirection direction,
    UUID repairId,
    UUID orderId,
    @Schema(description = "The repair's or the order's customer") UUID customerId,
    String shipFromAddress,
    String shipToAddress,
    String carrier,
    String trackingNumber,
    List<Line> lines,
    PackingListStatus status,
    Instant packedAt,
    Instant shippedAt,
    Instant deliveredAt,
    Instant returnedAt,
    String notes,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {

  /** A packing list line. */
  @Type("PackingListLine")
  @Schema(name = "PackingListLine")
  public record Line(
      UUID id,
      UUID productId,
      String description,
      BigDecimal quantity,
      List<String> serialNumbers) {

    static Line of(PackingListLine l) {
      return new Line(
          l.id,
          l.productId,
          l.description,
          RepairView.plain(l.quantity),
          List.copyOf(l.serialNumbers));
    }
  }
}
