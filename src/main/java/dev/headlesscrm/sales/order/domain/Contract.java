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

/** 销售合同: what the customer signed; payments are received against it. */
@Entity
@Table(name = "contracts")
public class Contract extends OwnedEntity
    implements dev.headlesscrm.platform.persistence.HasCustomFields {

  @Column(nullable = false, length = 32)
  public String number;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "opportunity_id")
  public UUID opportunityId;

  @Column(name = "quote_id")
  public UUID quoteId;

  @Column(name = "signing_date")
  public LocalDate signingDate;

  @Column(name = "start_date")
  public LocalDate startDate;

  @Column(name = "end_date")
  public LocalDate endDate;

  @Column(nullable = false, length = 3)
  public String currency;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal amount;

  @Column(name = "received_amount", nullable = false, precision = 18, scale = 6)
  public BigDecimal receivedAmount;

  @Column(name = "payment_terms")
  public String paymentTerms;

  @Column(name = "customer_signatory_id")
  public UUID customerSignatoryId;

  @Column(name = "company_signatory_id")
  public UUID companySignatoryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ContractStatus status;

  @Column(columnDefinition = "text")
  public String notes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "custom_fields", nullable = false)
  public Map<String, Object> customFields;

  @Column(name = "external_id")
  public String externalId;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "contract_id", nullable = false)
  @OrderBy("position")
  @org.hibernate.annotations.BatchSize(size = 100)
  public List<ContractLine> lines = new ArrayList<>();

  @Override
  public Map<String, Object> customFieldValues() {
    if (customFields == null) {
      customFields = new java.util.LinkedHashMap<>();
    }
    return customFields;
  }
}
