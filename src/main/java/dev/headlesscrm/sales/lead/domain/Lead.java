package dev.headlesscrm.sales.lead.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 线索: a person or company that may become a customer. */
@Entity
@Table(name = "leads")
public class Lead extends OwnedEntity
    implements dev.headlesscrm.platform.persistence.HasCustomFields {

  @Column(nullable = false, length = 100)
  public String name;

  public String company;
  public String title;
  public String mobile;
  public String phone;
  public String email;
  public String source;

  @Column(name = "campaign_id")
  public UUID campaignId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public LeadStatus status;

  @Enumerated(EnumType.STRING)
  public LeadRating rating;

  public String address;
  public String industry;

  @Column(columnDefinition = "text")
  public String notes;

  @Column(name = "converted_customer_id")
  public UUID convertedCustomerId;

  @Column(name = "converted_contact_id")
  public UUID convertedContactId;

  @Column(name = "converted_opportunity_id")
  public UUID convertedOpportunityId;

  @Column(name = "converted_at")
  public Instant convertedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "custom_fields", nullable = false)
  public Map<String, Object> customFields;

  @Column(name = "external_id")
  public String externalId;

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
