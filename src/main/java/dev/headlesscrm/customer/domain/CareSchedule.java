package dev.headlesscrm.customer.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** 关怀计划: a care task for the owner, some days before a date-based occasion. */
@Entity
@Table(name = "care_schedules")
public class CareSchedule extends SoftDeletableEntity {

  @Column(nullable = false, length = 100)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CareOccasion occasion;

  @Column(name = "days_before", nullable = false)
  public int daysBefore;

  @Column(name = "care_kind", nullable = false, length = 64)
  public String careKind;

  @Column(name = "task_subject", nullable = false, length = 200)
  public String taskSubject;

  @Column(nullable = false)
  public boolean active;
}
