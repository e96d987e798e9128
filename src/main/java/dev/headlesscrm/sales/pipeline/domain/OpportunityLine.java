package dev.headlesscrm.sales.pipeline.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A product line of an opportunity. */
@Entity
@Table(name = "opportunity_lines")
public class OpportunityLine {

  @Id
  @org.hibernate.annotations.UuidGenerator(
      style = org.hibernate.annotations.UuidGenerator.Style.VERSION_7)
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

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal amount;
}
