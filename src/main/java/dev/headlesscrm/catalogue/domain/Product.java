package dev.headlesscrm.catalogue.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 产品: what the company sells, goods or services, company-wide (not owned by an employee). */
@Entity
@Table(name = "products")
public class Product extends SoftDeletableEntity
    implements dev.headlesscrm.platform.persistence.HasCustomFields {

  @Column(nullable = false, length = 64)
  public String code;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "category_id")
  public UUID categoryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ProductKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ProductSource source;

  @Column(nullable = false)
  public boolean service;

  @Column(nullable = false)
  public boolean training;

  @Column(length = 32)
  public String unit;

  @Column(name = "list_price", precision = 18, scale = 6)
  public BigDecimal listPrice;

  @Column(precision = 18, scale = 6)
  public BigDecimal cost;

  @Column(name = "tax_rate", precision = 7, scale = 4)
  public BigDecimal taxRate;

  @Column(nullable = false, length = 3)
  public String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ProductStatus status;

  @Column(columnDefinition = "text")
  public String description;

  @Column(columnDefinition = "text")
  public String specification;

  @Column(name = "external_id")
  public String externalId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "custom_fields", nullable = false)
  public Map<String, Object> customFields;

  @Column(name = "search_text", nullable = false, columnDefinition = "text")
  public String searchText;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "search_tokens", nullable = false)
  public List<String> searchTokens;

  @Override
  public Map<String, Object> customFieldValues() {
    if (customFields == null) {
      customFields = new java.util.LinkedHashMap<>();
    }
    return customFields;
  }
}
