package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 项目服务: an implementation or service project for a customer, owned by its project manager. Its
 * milestone counts, progress and hours are totals of its milestones and time entries, kept here so
 * that lists filter and sort by them; every change of them moves the project's version.
 */
@Entity
@Table(name = "service_projects")
public class ServiceProject extends OwnedEntity {

  @Column(nullable = false, length = 64, updatable = false)
  public String number;

  @Column(name = "external_id", length = 128)
  public String externalId;

  @Column(nullable = false, length = 200)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  public ProjectKind kind;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  /** The sales contract it delivers. */
  @Column(name = "contract_id")
  public UUID contractId;

  /** The sales order it delivers. */
  @Column(name = "order_id")
  public UUID orderId;

  @Column(columnDefinition = "text")
  public String description;

  @Column(name = "planned_start")
  public LocalDate plannedStart;

  @Column(name = "planned_end")
  public LocalDate plannedEnd;

  @Column(name = "budget_hours", precision = 9, scale = 2)
  public BigDecimal budgetHours;

  @Column(name = "logged_hours", nullable = false, precision = 11, scale = 2)
  public BigDecimal loggedHours = BigDecimal.ZERO;

  @Column(name = "billable_hours", nullable = false, precision = 11, scale = 2)
  public BigDecimal billableHours = BigDecimal.ZERO;

  @Column(name = "over_budget", nullable = false)
  public boolean overBudget;

  @Column(name = "milestone_count", nullable = false)
  public int milestoneCount;

  @Column(name = "reached_milestone_count", nullable = false)
  public int reachedMilestoneCount;

  /** Percent, from the milestones (see {@link #progress}). */
  @Column(nullable = false)
  public int progress;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ProjectStatus status;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "completed_at")
  public Instant completedAt;

  @Column(name = "cancelled_at")
  public Instant cancelledAt;

  /**
   * A project's progress in percent: the share of its live milestones reached, rounded down; a
   * completed project is at 100, one without milestones at 0 until then.
   */
  public static int progress(int milestones, int reached, ProjectStatus status) {
    if (status == ProjectStatus.COMPLETED) {
      return 100;
    }
    if (milestones <= 0) {
      return 0;
    }
    return Math.min(100, Math.max(0, reached) * 100 / milestones);
  }

  /** Whether the hours logged exceed the budget (a project without a budget never does). */
  public static boolean overBudget(BigDecimal budget, BigDecimal logged) {
    return budget != null && logged != null && logged.compareTo(budget) > 0;
  }

  /** Sets the totals and what follows from them (progress, over budget). */
  public void totals(int milestones, int reached, BigDecimal logged, BigDecimal billable) {
    milestoneCount = milestones;
    reachedMilestoneCount = reached;
    loggedHours = logged;
    billableHours = billable;
    derive();
  }

  /** Progress and the over-budget flag from the totals, budget and status as they stand. */
  public void derive() {
    progress = progress(milestoneCount, reachedMilestoneCount, status);
    overBudget = overBudget(budgetHours, loggedHours);
  }
}
