package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 商品: a product a customer owns, with its serial number, installation and warranty. */
@Entity
@Table(name = "goods")
public class Goods extends SoftDeletableEntity {

  @Column(name = "product_id", nullable = false)
  public UUID productId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "contact_id")
  public UUID contactId;

  @Column(name = "serial_number", length = 100)
  public String serialNumber;

  @Column(nullable = false, precision = 18, scale = 4)
  public BigDecimal quantity = BigDecimal.ONE;

  @Column(name = "order_id")
  public UUID orderId;

  @Column(name = "order_line_id")
  public UUID orderLineId;

  @Column(name = "delivered_on")
  public LocalDate deliveredOn;

  @Column(name = "installed_on")
  public LocalDate installedOn;

  @Column(name = "install_address", length = 500)
  public String installAddress;

  @Column(name = "warranty_ends_on")
  public LocalDate warrantyEndsOn;

  @Column(name = "warranty_warned_at")
  public Instant warrantyWarnedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public GoodsStatus status;

  @Column(columnDefinition = "text")
  public String note;

  @Column(name = "external_id", length = 128)
  public String externalId;

  /** Whether the warranty covers {@code day} (its last day included). */
  public boolean underWarranty(LocalDate day) {
    return warrantyEndsOn != null && !day.isAfter(warrantyEndsOn);
  }
}
