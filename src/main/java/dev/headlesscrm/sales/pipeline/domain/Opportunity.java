package dev.headlesscrm.sales.pipeline.domain;

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

/** 商机: a possible sale to a customer, moving through the stages of a pipeline. */
@Entity
@Table(name = "opportunities")
public class Opportunity extends OwnedEntity
    implements dev.headlesscrm.platform.persistence.HasCustomFields {

  @Column(nullable = false, length = 32)
  public String number;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "primary_contact_id")
  public UUID primaryContactId;

  @Column(name = "pipeline_id", nullable = false)
  public UUID pipelineId;

  @Column(name = "stage_id", nullable = false)
  public UUID stageId;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal amount;

  @Column(nullable = false, length = 3)
  public String currency;

  @Column(name = "expected_close_date")
  public LocalDate expectedCloseDate;

  @Column(name = "actual_close_date")
  public LocalDate actualCloseDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public OpportunityStatus status;

  @Column(name = "loss_reason")
  public String lossReason;

  @Column(name = "loss_notes")
  public String closeNotes;

  public String competitors;
  public String source;

  @Column(name = "lead_id")
  public UUID leadId;

  @Column(columnDefinition = "text")
  public String notes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "custom_fields", nullable = false)
  public Map<String, Object> customFields;

  @Column(name = "external_id")
  public String externalId;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "opportunity_id", nullable = false)
  @OrderBy("position")
  @org.hibernate.annotations.BatchSize(size = 100)
  public List<OpportunityLine> lines = new ArrayList<>();

  @Override
  public Map<String, Object> customFieldValues() {
    if (customFields == null) {
      customFields = new java.util.LinkedHashMap<>();
    }
    return customFields;
  }
}
