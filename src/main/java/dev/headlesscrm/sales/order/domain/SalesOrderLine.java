package dev.headlesscrm.sales.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A line of a sales order, with how much of it was delivered. */
@Entity
@Table(name = "sales_order_lines")
public class SalesOrderLine extends PricedLine {

  @Column(name = "delivered_quantity", nullable = false, precision = 18, scale = 6)
  public BigDecimal deliveredQuantity = BigDecimal.ZERO;
}
