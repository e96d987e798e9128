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

/** 销售报价: priced lines for a customer; revised as new versions that keep the old readable. */
@Entity
@Table(name = "quotes")
public class Quote extends OwnedEntity
    implements dev.headlesscrm.platform.persistence.HasCustomFields {

  @Column(nullable = false, length = 32)
  public String number;

  @Column(nullable = false)
  public int revision;

  @Column(name = "revision_of_id")
  public UUID revisionOfId;

  @Column(nullable = false)
  public boolean superseded;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "opportunity_id")
  public UUID opportunityId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "contact_id")
  public UUID contactId;

  @Column(name = "valid_until")
  public LocalDate validUntil;

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

  @Column(name = "max_discount", nullable = false, precision = 7, scale = 4)
  public BigDecimal maxDiscount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public QuoteStatus status;

  @Column(columnDefinition = "text")
  public String terms;

  @Column(columnDefinition = "text")
  public String notes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "custom_fields", nullable = false)
  public Map<String, Object> customFields;

  @Column(name = "external_id")
  public String externalId;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "quote_id", nullable = false)
  @OrderBy("position")
  @org.hibernate.annotations.BatchSize(size = 100)
  public List<QuoteLine> lines = new ArrayList<>();

  @Override
  public Map<String, Object> customFieldValues() {
    if (customFields == null) {
      customFields = new java.util.LinkedHashMap<>();
    }
    return customFields;
  }
}
