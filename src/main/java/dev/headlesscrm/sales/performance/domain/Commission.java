package dev.headlesscrm.sales.performance.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * 佣金: what an employee (the owner, so that data scope shows reps their own and managers their
 * team's) earns in a month on one contract or payment under one rule.
 */
@Entity
@Table(name = "commissions")
public class Commission extends OwnedEntity {

  /** The month, yyyy-MM. */
  @Column(nullable = false, length = 7)
  public String period;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CommissionBasis basis;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CommissionKind kind;

  /** contract or payment. */
  @Column(name = "source_resource", nullable = false, length = 32)
  public String sourceResource;

  @Column(name = "source_id", nullable = false)
  public UUID sourceId;

  @Column(name = "source_number", length = 32)
  public String sourceNumber;

  @Column(name = "contract_id", nullable = false)
  public UUID contractId;

  @Column(name = "rule_id", nullable = false)
  public UUID ruleId;

  @Column(name = "product_category_id")
  public UUID productCategoryId;

  @Column(name = "basis_amount", nullable = false, precision = 18, scale = 6)
  public BigDecimal basisAmount;

  @Column(nullable = false, precision = 7, scale = 6)
  public BigDecimal rate;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal amount;

  @Column(nullable = false, length = 3)
  public String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CommissionStatus status;

  @Column(name = "approved_at")
  public Instant approvedAt;

  @Column(name = "approved_by")
  public UUID approvedBy;

  @Column(name = "paid_at")
  public Instant paidAt;

  @Column(name = "paid_by")
  public UUID paidBy;
}
