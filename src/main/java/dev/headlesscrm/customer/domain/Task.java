package dev.headlesscrm.customer.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** 待办: something an employee (the owner) has to do, by a time, maybe about a record. */
@Entity
@Table(name = "tasks")
public class Task extends OwnedEntity {

  @Column(nullable = false, length = 200)
  public String subject;

  @Column(columnDefinition = "text")
  public String description;

  @Column(name = "due_at")
  public Instant dueAt;

  @Column(name = "remind_at")
  public Instant remindAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public TaskPriority priority;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public TaskStatus status;

  @Column(name = "related_resource", length = 64)
  public String relatedResource;

  @Column(name = "related_id")
  public UUID relatedId;

  @Column(name = "customer_id")
  public UUID customerId;

  @Column(name = "completed_at")
  public Instant completedAt;

  @Column(name = "completed_by")
  public UUID completedBy;

  /** Set while a write gives the task to a (new) assignee, to tell them once it is saved. */
  @jakarta.persistence.Transient public boolean newlyAssigned;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false, length = 16)
  public TaskRecurrence recurrence = TaskRecurrence.NONE;

  @Column(name = "recurrence_interval", nullable = false)
  public int recurrenceInterval = 1;

  @Column(name = "recurrence_until")
  public java.time.LocalDate recurrenceUntil;

  /** The first occurrence's id, shared by every occurrence of a recurring task. */
  @Column(name = "series_id")
  public UUID seriesId;
}
