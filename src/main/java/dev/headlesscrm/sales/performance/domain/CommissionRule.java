package dev.headlesscrm.sales.performance.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 佣金规则: a rate on contract amounts or on received payments, for everyone or one employee, for every
 * product or one product category, optionally tiered on the period total.
 */
@Entity
@Table(name = "commission_rules")
public class CommissionRule extends SoftDeletableEntity {

  @Column(nullable = false, length = 200)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CommissionBasis basis;

  @Column(name = "employee_id")
  public UUID employeeId;

  @Column(name = "product_category_id")
  public UUID productCategoryId;

  @Column(nullable = false, precision = 7, scale = 6)
  public BigDecimal rate;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<CommissionTier> tiers = new ArrayList<>();

  @Column(nullable = false)
  public int priority;

  @Column(nullable = false)
  public boolean active;

  @Column(length = 1000)
  public String notes;

  /** The rule as rule selection sees it. */
  public CommissionRules.Rule rule() {
    return new CommissionRules.Rule(
        id, basis, employeeId, productCategoryId, rate, tiers, priority, active && !isDeleted());
  }
}
