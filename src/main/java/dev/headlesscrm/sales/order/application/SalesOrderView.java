package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.order.domain.SalesOrderLine;
import dev.headlesscrm.sales.order.domain.SalesOrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sales order as clients read it. */
@Type("SalesOrder")
@Schema(name = "SalesOrder", description = "A sales order (销售订单).")
public record SalesOrderView(
    @Id UUID id,
    @Schema(examples = "DD20261123001") String number,
    UUID contractId,
    UUID customerId,
    LocalDate orderDate,
    LocalDate deliveryDate,
    String shippingAddress,
    String currency,
    List<Line> lines,
    BigDecimal subtotal,
    BigDecimal discountTotal,
    BigDecimal taxTotal,
    BigDecimal grandTotal,
    SalesOrderStatus status,
    String notes,
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

  /** An order line with its delivered quantity. */
  @Type("SalesOrderLine")
  @Schema(name = "SalesOrderLine")
  public record Line(
      UUID id,
      UUID productId,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal taxRate,
      BigDecimal subtotal,
      BigDecimal discountAmount,
      BigDecimal taxAmount,
      BigDecimal total,
      BigDecimal deliveredQuantity) {

    static Line of(SalesOrderLine l, int scale) {
      PricedLines.LineView v = PricedLines.LineView.of(l, scale);
      return new Line(
          v.id(),
          v.productId(),
          v.description(),
          v.quantity(),
          v.unitPrice(),
          v.discountPercent(),
          v.taxRate(),
          v.subtotal(),
          v.discountAmount(),
          v.taxAmount(),
          v.total(),
          l.deliveredQuantity.stripTrailingZeros());
    }
  }
}
