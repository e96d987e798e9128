package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 里程碑: a milestone of a service project, reached once its deliverable is accepted. */
@Entity
@Table(name = "project_milestones")
public class ProjectMilestone extends SoftDeletableEntity {

  @Column(name = "project_id", nullable = false)
  public UUID projectId;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(columnDefinition = "text")
  public String description;

  @Column(name = "due_on")
  public LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public MilestoneStatus status;

  @Column(name = "reached_at")
  public Instant reachedAt;

  @Column(name = "reached_by")
  public UUID reachedBy;
}
