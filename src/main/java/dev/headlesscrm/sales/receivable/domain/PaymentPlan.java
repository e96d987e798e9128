package dev.headlesscrm.sales.receivable.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** 回款计划: one period of a contract's payment plan. Owned like its contract. */
@Entity
@Table(name = "payment_plans")
public class PaymentPlan extends OwnedEntity {

  @Column(name = "contract_id", nullable = false)
  public UUID contractId;

  @Column(nullable = false)
  public int period;

  @Column(name = "due_date", nullable = false)
  public LocalDate dueDate;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal amount;

  @Column(name = "received_amount", nullable = false, precision = 18, scale = 6)
  public BigDecimal receivedAmount;

  @Column(name = "reminder_days")
  public Integer reminderDays;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PaymentPlanStatus status;

  public String notes;
}
