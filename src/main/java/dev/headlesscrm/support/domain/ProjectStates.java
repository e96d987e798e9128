package dev.headlesscrm.support.domain;

import static dev.headlesscrm.support.domain.ProjectStatus.CANCELLED;
import static dev.headlesscrm.support.domain.ProjectStatus.COMPLETED;
import static dev.headlesscrm.support.domain.ProjectStatus.IN_PROGRESS;
import static dev.headlesscrm.support.domain.ProjectStatus.ON_HOLD;
import static dev.headlesscrm.support.domain.ProjectStatus.PLANNED;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machines of service projects and their milestones, declared once. */
public final class ProjectStates {
  private ProjectStates() {}

  /**
   * A planned project starts or is cancelled; a running one is put on hold, completed or cancelled;
   * one on hold resumes or is cancelled. Completed and cancelled are final.
   */
  public static final StateMachine<ProjectStatus> PROJECT =
      StateMachine.of("service-project", ProjectStatus.class)
          .allow(PLANNED, IN_PROGRESS, CANCELLED)
          .allow(IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED)
          .allow(ON_HOLD, IN_PROGRESS, CANCELLED)
          .build();

  /** A milestone is reached, and may be reopened when it was marked by mistake. */
  public static final StateMachine<MilestoneStatus> MILESTONE =
      StateMachine.of("project-milestone", MilestoneStatus.class)
          .allow(MilestoneStatus.PENDING, MilestoneStatus.REACHED)
          .allow(MilestoneStatus.REACHED, MilestoneStatus.PENDING)
          .build();

  /**
   * Whether milestones and hours may still change: the project is neither completed nor cancelled.
   */
  public static boolean open(ProjectStatus status) {
    return status != COMPLETED && status != CANCELLED;
  }
}
