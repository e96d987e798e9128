package dev.headlesscrm.sales.performance.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * 业绩目标: what an employee or a department should reach in a month, quarter or year. Its owner
 * columns carry its visibility: an employee's target is owned by the employee (seen like their
 * records); a department's has no owner and the department as owner department (seen by those whose
 * scope covers the department, and by its managers).
 */
@Entity
@Table(name = "sales_targets")
public class SalesTarget extends OwnedEntity {

  @Column(name = "employee_id")
  public UUID employeeId;

  @Column(name = "department_id")
  public UUID departmentId;

  @Enumerated(EnumType.STRING)
  @Column(name = "period_kind", nullable = false)
  public TargetPeriodKind periodKind;

  @Column(nullable = false, length = 7)
  public String period;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SalesTargetMetric metric;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal target;

  @Column(length = 1000)
  public String notes;

  @Column(name = "external_id")
  public String externalId;
}
