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

/** 回款: money received against a contract (and optionally a plan period). */
@Entity
@Table(name = "payments")
public class Payment extends OwnedEntity {

  @Column(nullable = false, length = 32)
  public String number;

  @Column(name = "contract_id", nullable = false)
  public UUID contractId;

  @Column(name = "plan_id")
  public UUID planId;

  @Column(name = "paid_on", nullable = false)
  public LocalDate paidOn;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PaymentMethod method;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PaymentStatus status;

  public String notes;

  @Column(name = "external_id")
  public String externalId;
}
