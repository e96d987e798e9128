package dev.headlesscrm.customer.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 客户: an organisation (or person) we sell to. */
@Entity
@Table(name = "customers")
public class Customer extends OwnedEntity
    implements dev.headlesscrm.platform.persistence.HasCustomFields {

  @Column(nullable = false, length = 32)
  public String number;

  @Column(length = 32)
  public String mnemonic;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "office_address")
  public String officeAddress;

  @Column(name = "main_phone")
  public String mainPhone;

  @Column(name = "postal_code")
  public String postalCode;

  public String email;
  public String city;
  public String industry;
  public String level;
  public String type;
  public String status;
  public String source;

  @Column(name = "credit_rating")
  public String creditRating;

  @Column(name = "credit_limit", precision = 18, scale = 2)
  public BigDecimal creditLimit;

  @Column(nullable = false, length = 3)
  public String currency;

  @Column(name = "parent_id")
  public UUID parentId;

  @Column(name = "bank_name")
  public String bankName;

  @Column(name = "bank_account")
  public String bankAccount;

  /** 财务电话: the customer's finance department. */
  @Column(name = "finance_phone")
  public String financePhone;

  @Column(name = "tax_id")
  public String taxId;

  public String homepage;

  @Column(columnDefinition = "text")
  public String notes;

  @Column(name = "registered_at")
  public LocalDate registeredAt;

  /** 个人客户 only: the person's birthday and gender (客户关怀). */
  public LocalDate birthday;

  @Enumerated(EnumType.STRING)
  public Gender gender;

  @Enumerated(EnumType.STRING)
  @Column(name = "lifecycle_stage", nullable = false)
  public LifecycleStage lifecycleStage;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false)
  public List<String> tags;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "custom_fields", nullable = false)
  public Map<String, Object> customFields;

  @Column(name = "external_id")
  public String externalId;

  @Column(name = "merged_into_id")
  public UUID mergedIntoId;

  /** From the latest live follow-up (跟进记录), kept by the follow-ups, never written directly. */
  @Column(name = "last_follow_up_at")
  public java.time.Instant lastFollowUpAt;

  @Column(name = "last_follow_up_content", length = 500)
  public String lastFollowUpContent;

  @Column(name = "last_follow_up_by")
  public UUID lastFollowUpById;

  @Column(name = "next_follow_up_at")
  public java.time.Instant nextFollowUpAt;

  /** 公海: the pool the customer is in (then nobody owns it), kept by the pool moves only. */
  @Column(name = "pool_id")
  public UUID poolId;

  @Column(name = "pool_entered_at")
  public java.time.Instant poolEnteredAt;

  @Column(name = "pool_entry_reason", length = 500)
  public String poolEntryReason;

  @Column(name = "previous_owner_id")
  public UUID previousOwnerId;

  /** When the current owner took the customer (created, claimed, assigned, transferred). */
  @Column(name = "owned_since")
  public java.time.Instant ownedSince;

  /** 锁定: a locked customer does not return to the pool unless a rule includes locked ones. */
  @Column(nullable = false)
  public boolean locked;

  @Column(name = "locked_at")
  public java.time.Instant lockedAt;

  @Column(name = "locked_by")
  public UUID lockedById;

  /** The latest won deal (an approved contract). */
  @Column(name = "last_won_at")
  public java.time.Instant lastWonAt;

  /** Won deals (approved contracts) so far; the lifecycle stage is derived from it. */
  @Column(name = "won_deals", nullable = false)
  public int wonDeals;

  @Column(name = "first_won_at")
  public java.time.Instant firstWonAt;

  /** The latest approved payment (回款). */
  @Column(name = "last_payment_at")
  public java.time.Instant lastPaymentAt;

  /** The end date of the latest-ending approved contract. */
  @Column(name = "last_contract_end_on")
  public LocalDate lastContractEndOn;

  /** Computed from the governing pool's rules on every write of the customer; never written. */
  @Column(name = "pool_return_at")
  public java.time.Instant poolReturnAt;

  @Column(name = "pool_return_pool_id")
  public UUID poolReturnPoolId;

  @Column(name = "pool_return_rule", length = 100)
  public String poolReturnRule;

  @Column(name = "pool_return_criterion", length = 32)
  public String poolReturnCriterion;

  /** The fields withheld from every reader while the customer is in its pool. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "hidden_fields", nullable = false)
  public List<String> hiddenFields = new java.util.ArrayList<>();

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
