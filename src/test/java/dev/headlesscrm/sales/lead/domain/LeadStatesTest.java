package dev.headlesscrm.sales.lead.domain;

import dev.headlesscrm.sales.StateTransitions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every allowed and every refused transition of a lead, one test each. */
class LeadStatesTest {

  static final Map<LeadStatus, Set<LeadStatus>> LEAD =
      Map.of(
          LeadStatus.NEW,
          EnumSet.of(
              LeadStatus.CONTACTED,
              LeadStatus.QUALIFIED,
              LeadStatus.UNQUALIFIED,
              LeadStatus.CONVERTED),
          LeadStatus.CONTACTED,
          EnumSet.of(LeadStatus.QUALIFIED, LeadStatus.UNQUALIFIED, LeadStatus.CONVERTED),
          LeadStatus.QUALIFIED,
          EnumSet.of(LeadStatus.UNQUALIFIED, LeadStatus.CONVERTED),
          LeadStatus.UNQUALIFIED,
          EnumSet.of(LeadStatus.CONTACTED),
          LeadStatus.CONVERTED,
          EnumSet.noneOf(LeadStatus.class));

  @TestFactory
  Stream<DynamicTest> leadTransitions() {
    return StateTransitions.transitions(LeadStates.LEAD, LeadStatus.class, LEAD);
  }
}
