package dev.headlesscrm.customer.domain;

import dev.headlesscrm.sales.StateTransitions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every allowed and every refused transition of a task (待办), one test each. */
class TaskStatesTest {

  static final Map<TaskStatus, Set<TaskStatus>> TASK =
      Map.of(
          TaskStatus.OPEN,
          EnumSet.of(TaskStatus.DONE, TaskStatus.CANCELLED),
          TaskStatus.DONE,
          EnumSet.of(TaskStatus.OPEN),
          TaskStatus.CANCELLED,
          EnumSet.of(TaskStatus.OPEN));

  @TestFactory
  Stream<DynamicTest> taskTransitions() {
    return StateTransitions.transitions(TaskStates.TASK, TaskStatus.class, TASK);
  }
}
