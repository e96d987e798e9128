package dev.headlesscrm.platform.customfields;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** 自定义字段: a field an administrator added to a resource. Deleted means retired. */
@Entity
@Table(name = "custom_field_definitions")
public class CustomFieldDefinition extends SoftDeletableEntity {

  @Column(nullable = false, length = 64)
  public String resource;

  @Column(name = "field_key", nullable = false, length = 40)
  public String key;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public CustomFieldType type;

  @Column(name = "label_zh", nullable = false, length = 100)
  public String labelZh;

  @Column(name = "label_en", length = 100)
  public String labelEn;

  @Column(columnDefinition = "text")
  public String description;

  @Column(nullable = false)
  public boolean required;

  @Column(name = "is_unique", nullable = false)
  public boolean unique;

  @Column(length = 500)
  public String pattern;

  @Column(name = "min_value")
  public BigDecimal minimum;

  @Column(name = "max_value")
  public BigDecimal maximum;

  @Column(name = "max_length")
  public Integer maxLength;

  @Column(length = 64)
  public String dictionary;

  @Column(name = "reference_resource", length = 64)
  public String referenceResource;

  @Column(name = "sort_order", nullable = false)
  public int sortOrder;

  CustomField rules() {
    return new CustomField(
        id,
        resource,
        key,
        type,
        labelZh,
        labelEn,
        description,
        required,
        unique,
        pattern == null ? null : java.util.regex.Pattern.compile(pattern),
        minimum,
        maximum,
        maxLength,
        dictionary,
        referenceResource,
        isDeleted());
  }
}
