package dev.headlesscrm.sales.order.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 销售订单: goods and services to deliver to a customer, usually under a contract. */
@Entity
@Table(name = "sales_orders")
public class SalesOrder extends OwnedEntity
    implements dev.headlesscrm.platform.persistence.HasCustomFields {

  @Column(nullable = false, length = 32)
  public String number;

  @Column(name = "contract_id")
  public UUID contractId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "order_date", nullable = false)
  public LocalDate orderDate;

  @Column(name = "delivery_date")
  public LocalDate deliveryDate;

  @Column(name = "shipping_address")
  public String shippingAddress;

  @Column(nullable = false, length = 3)
  public String currency;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal subtotal;

  @Column(name = "discount_total", nullable = false, precision = 18, scale = 6)
  public BigDecimal discountTotal;

  @Column(name = "tax_total", nullable = false, precision = 18, scale = 6)
  public BigDecimal taxTotal;

  @Column(name = "grand_total", nullable = false, precision = 18, scale = 6)
  public BigDecimal grandTotal;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SalesOrderStatus status;

  @Column(columnDefinition = "text")
  public String notes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "custom_fields", nullable = false)
  public Map<String, Object> customFields;

  @Column(name = "external_id")
  public String externalId;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "order_id", nullable = false)
  @OrderBy("position")
  @org.hibernate.annotations.BatchSize(size = 100)
  public List<SalesOrderLine> lines = new ArrayList<>();

  @Override
  public Map<String, Object> customFieldValues() {
    if (customFields == null) {
      customFields = new java.util.LinkedHashMap<>();
    }
    return customFields;
  }
}
