package dev.headlesscrm.customer.domain;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of tasks (待办), declared once. */
public final class TaskStates {
  private TaskStates() {}

  /** An open task is done or cancelled; either can be reopened. */
  public static final StateMachine<TaskStatus> TASK =
      StateMachine.of("task", TaskStatus.class)
          .allow(TaskStatus.OPEN, TaskStatus.DONE)
          .allow(TaskStatus.OPEN, TaskStatus.CANCELLED)
          .allow(TaskStatus.DONE, TaskStatus.OPEN)
          .allow(TaskStatus.CANCELLED, TaskStatus.OPEN)
          .build();
}
