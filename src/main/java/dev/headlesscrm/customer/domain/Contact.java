package dev.headlesscrm.customer.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 联系人: a person at a customer. */
@Entity
@Table(name = "contacts")
public class Contact extends OwnedEntity
    implements dev.headlesscrm.platform.persistence.HasCustomFields {

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(nullable = false, length = 100)
  public String name;

  @Enumerated(EnumType.STRING)
  public Gender gender;

  public LocalDate birthday;
  public String department;
  public String title;

  @Column(name = "reports_to_id")
  public UUID reportsToId;

  @Column(name = "office_phone")
  public String officePhone;

  public String mobile;

  @Column(name = "home_phone")
  public String homePhone;

  public String email;

  /** 即时通讯: a WeChat or QQ id. */
  @Column(name = "im_id")
  public String imId;

  /** An age as told when the birthday is unknown, and the day it was told. */
  public Integer age;

  @Column(name = "age_as_of")
  public LocalDate ageAsOf;

  public String hobbies;

  @Column(columnDefinition = "text")
  public String notes;

  @Column(name = "key_decision_maker", nullable = false)
  public boolean keyDecisionMaker;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "custom_fields", nullable = false)
  public Map<String, Object> customFields;

  @Column(name = "external_id")
  public String externalId;

  @Column(nullable = false)
  public boolean anonymised;

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
