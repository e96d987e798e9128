package dev.headlesscrm.sales.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A priced product line (quotes, contracts, orders): quantity, price, discount, tax, totals. */
@MappedSuperclass
public abstract class PricedLine {

  @Id
  @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
  public UUID id;

  @Column(nullable = false)
  public int position;

  @Column(name = "product_id")
  public UUID productId;

  @Column(nullable = false, length = 200)
  public String description;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal quantity;

  @Column(name = "unit_price", nullable = false, precision = 18, scale = 6)
  public BigDecimal unitPrice;

  @Column(name = "discount_percent", nullable = false, precision = 7, scale = 4)
  public BigDecimal discountPercent;

  @Column(name = "tax_rate", nullable = false, precision = 7, scale = 4)
  public BigDecimal taxRate;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal subtotal;

  @Column(name = "discount_amount", nullable = false, precision = 18, scale = 6)
  public BigDecimal discountAmount;

  @Column(name = "tax_amount", nullable = false, precision = 18, scale = 6)
  public BigDecimal taxAmount;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal total;
}
