package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.order.domain.SalesOrder;
import dev.headlesscrm.sales.order.domain.SalesOrderLine;
import dev.headlesscrm.sales.order.domain.SalesOrderStatus;
import dev.headlesscrm.sales.shared.application.SalesValues;
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

  static SalesOrderView of(SalesOrder o, int scale) {
    return new SalesOrderView(
        o.id,
        o.number,
        o.contractId,
        o.customerId,
        o.orderDate,
        o.deliveryDate,
        o.shippingAddress,
        o.currency,
        o.lines.stream().map(l -> Line.of(l, scale)).toList(),
        PricedLines.money(o.subtotal, scale),
        PricedLines.money(o.discountTotal, scale),
        PricedLines.money(o.taxTotal, scale),
        PricedLines.money(o.grandTotal, scale),
        o.status,
        o.notes,
        SalesValues.custom(o.customFields),
        o.externalId,
        o.ownerId,
        o.ownerDepartmentId,
        o.version,
        o.createdAt,
        o.createdBy,
        o.updatedAt,
        o.updatedBy,
        o.deletedAt);
  }
}
