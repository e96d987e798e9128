package dev.headlesscrm.support.domain;

import static dev.headlesscrm.support.domain.ProjectStatus.CANCELLED;
import static dev.headlesscrm.support.domain.ProjectStatus.COMPLETED;
import static dev.headlesscrm.support.domain.ProjectStatus.IN_PROGRESS;
import static dev.headlesscrm.support.domain.ProjectStatus.ON_HOLD;
import static dev.headlesscrm.support.domain.ProjectStatus.PLANNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.sales.StateTransitions;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The rules of service projects: their status machines, progress and the over-budget flag. */
class ProjectRulesTest {

  static final Map<ProjectStatus, Set<ProjectStatus>> PROJECT =
      Map.of(
          PLANNED, EnumSet.of(IN_PROGRESS, CANCELLED),
          IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, CANCELLED),
          ON_HOLD, EnumSet.of(IN_PROGRESS, CANCELLED),
          COMPLETED, EnumSet.noneOf(ProjectStatus.class),
          CANCELLED, EnumSet.noneOf(ProjectStatus.class));

  static final Map<MilestoneStatus, Set<MilestoneStatus>> MILESTONE =
      Map.of(
          MilestoneStatus.PENDING, EnumSet.of(MilestoneStatus.REACHED),
          MilestoneStatus.REACHED, EnumSet.of(MilestoneStatus.PENDING));

  @TestFactory
  Stream<DynamicTest> projectTransitions() {
    return StateTransitions.transitions(ProjectStates.PROJECT, ProjectStatus.class, PROJECT);
  }

  @TestFactory
  Stream<DynamicTest> milestoneTransitions() {
    return StateTransitions.transitions(ProjectStates.MILESTONE, MilestoneStatus.class, MILESTONE);
  }

  @Test
  void milestonesAndHoursChangeOnlyWhileTheProjectIsOpen() {
    assertTrue(ProjectStates.open(PLANNED));
    assertTrue(ProjectStates.open(IN_PROGRESS));
    assertTrue(ProjectStates.open(ON_HOLD));
    assertFalse(ProjectStates.open(COMPLETED));
    assertFalse(ProjectStates.open(CANCELLED));
  }

  @Test
  void progressIsTheShareOfMilestonesReachedRoundedDown() {
    assertEquals(0, ServiceProject.progress(0, 0, IN_PROGRESS), "no milestones yet");
    assertEquals(0, ServiceProject.progress(3, 0, IN_PROGRESS));
    assertEquals(33, ServiceProject.progress(3, 1, IN_PROGRESS));
    assertEquals(66, ServiceProject.progress(3, 2, ON_HOLD));
    assertEquals(100, ServiceProject.progress(3, 3, IN_PROGRESS));
    assertEquals(100, ServiceProject.progress(0, 0, COMPLETED), "completed is done");
    assertEquals(50, ServiceProject.progress(2, 1, CANCELLED));
  }

  @Test
  void overBudgetOnlyBeyondTheBudget() {
    assertFalse(ServiceProject.overBudget(null, new BigDecimal("1000")), "no budget");
    assertFalse(ServiceProject.overBudget(new BigDecimal("10"), new BigDecimal("10.00")));
    assertTrue(ServiceProject.overBudget(new BigDecimal("10"), new BigDecimal("10.25")));
    assertFalse(ServiceProject.overBudget(new BigDecimal("0"), BigDecimal.ZERO));
  }

  @Test
  void totalsDeriveProgressAndTheFlag() {
    ServiceProject p = new ServiceProject();
    p.status = IN_PROGRESS;
    p.budgetHours = new BigDecimal("8");
    p.totals(4, 1, new BigDecimal("8.50"), new BigDecimal("6.00"));
    assertEquals(25, p.progress);
    assertTrue(p.overBudget);
    assertEquals(new BigDecimal("6.00"), p.billableHours);
  }
}
