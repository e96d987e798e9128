package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 工时: hours an employee worked on a service project on a day, optionally on a milestone or task.
 */
@Entity
@Table(name = "time_entries")
public class TimeEntry extends SoftDeletableEntity {

  @Column(name = "project_id", nullable = false)
  public UUID projectId;

  @Column(name = "milestone_id")
  public UUID milestoneId;

  @Column(name = "task_id")
  public UUID taskId;

  @Column(name = "employee_id", nullable = false)
  public UUID employeeId;

  @Column(name = "work_date", nullable = false)
  public LocalDate workDate;

  @Column(nullable = false, precision = 4, scale = 2)
  public BigDecimal hours;

  @Column(nullable = false)
  public boolean billable = true;

  @Column(length = 2000)
  public String description;
}
