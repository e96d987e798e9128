package dev.headlesscrm.sales.performance.domain;

import dev.headlesscrm.sales.StateTransitions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every allowed and every refused transition of a commission, one test each. */
class CommissionStatesTest {

  static final Map<CommissionStatus, Set<CommissionStatus>> COMMISSION =
      Map.of(
          CommissionStatus.CALCULATED, EnumSet.of(CommissionStatus.APPROVED),
          CommissionStatus.APPROVED, EnumSet.of(CommissionStatus.PAID),
          CommissionStatus.PAID, EnumSet.noneOf(CommissionStatus.class));

  @org.junit.jupiter.api.Test
  void paidIsFinalAndNothingSkipsApproval() {
    org.junit.jupiter.api.Assertions.assertTrue(
        CommissionStates.COMMISSION.isFinal(CommissionStatus.PAID));
    org.junit.jupiter.api.Assertions.assertFalse(
        CommissionStates.COMMISSION.allows(CommissionStatus.CALCULATED, CommissionStatus.PAID));
  }

  @TestFactory
  Stream<DynamicTest> commissionTransitions() {
    return StateTransitions.transitions(
        CommissionStates.COMMISSION, CommissionStatus.class, COMMISSION);
  }
}
