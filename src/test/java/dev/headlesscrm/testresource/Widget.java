package dev.headlesscrm.testresource;

import dev.headlesscrm.platform.persistence.HasCustomFields;
import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A resource of the test sources only: the proof that a resource is one declaration. */
@Entity
@Table(name = "widgets")
public class Widget extends OwnedEntity implements HasCustomFields {

  public enum Status {
    DRAFT,
    ACTIVE,
    RETIRED
  }

  public String code;
  public String name;
  public int quantity;
  public BigDecimal price;

  @Enumerated(EnumType.STRING)
  public Status status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "custom_fields")
  public Map<String, Object> customFields = new LinkedHashMap<>();

  @Column(name = "external_id")
  public String externalId;

  @Override
  public Map<String, Object> customFieldValues() {
    return customFields;
  }
}
