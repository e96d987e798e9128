package dev.headlesscrm.sales.order.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * In-process event, fired in the delivering transaction: quantities of a sales order's lines were
 * delivered to its customer (service makes goods of them); {@code complete} when the whole order is
 * delivered now (service asks the customer how it went).
 */
public record OrderLinesDelivered(
    UUID orderId,
    UUID customerId,
    LocalDate deliveredOn,
    String shippingAddress,
    List<Line> lines,
    boolean complete) {

  /** One line's product and the quantity delivered now. */
  public record Line(UUID lineId, UUID productId, BigDecimal quantity) {}
}
