package dev.headlesscrm.sales.pipeline.domain;

import dev.headlesscrm.sales.StateTransitions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every allowed and every refused transition of an opportunity, one test each. */
class OpportunityStatesTest {

  static final Map<OpportunityStatus, Set<OpportunityStatus>> OPPORTUNITY =
      Map.of(
          OpportunityStatus.OPEN,
          EnumSet.of(OpportunityStatus.WON, OpportunityStatus.LOST),
          OpportunityStatus.LOST,
          EnumSet.of(OpportunityStatus.OPEN),
          OpportunityStatus.WON,
          EnumSet.noneOf(OpportunityStatus.class));

  @TestFactory
  Stream<DynamicTest> opportunityTransitions() {
    return StateTransitions.transitions(
        OpportunityStates.OPPORTUNITY, OpportunityStatus.class, OPPORTUNITY);
  }
}
