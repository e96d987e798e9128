package dev.headlesscrm.support.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A part a repair uses: a product, how many, at what price, and the serial number fitted. */
@Entity
@Table(name = "repair_parts")
public class RepairPart {

  @Id
  @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
  public UUID id;

  @Column(nullable = false)
  public int position;

  @Column(name = "product_id", nullable = false)
  public UUID productId;

  @Column(nullable = false, length = 200)
  public String description;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal quantity;

  @Column(name = "unit_price", nullable = false, precision = 18, scale = 6)
  public BigDecimal unitPrice;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal amount;

  @Column(name = "serial_number", length = 100)
  public String serialNumber;
}
