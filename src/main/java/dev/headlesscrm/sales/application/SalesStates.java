package dev.headlesscrm.sales.application;

import dev.headlesscrm.platform.state.StateMachine;
import dev.headlesscrm.sales.domain.LeadStatus;
import dev.headlesscrm.sales.domain.OpportunityStatus;

/** The status machines of the sales chain, declared once. */
public final class SalesStates {
  private SalesStates() {}

  /** Leads: worked, qualified or not; converted only by conversion, and then final. */
  public static final StateMachine<LeadStatus> LEAD =
      StateMachine.of("lead", LeadStatus.class)
          .allow(
              LeadStatus.NEW,
              LeadStatus.CONTACTED,
              LeadStatus.QUALIFIED,
              LeadStatus.UNQUALIFIED,
              LeadStatus.CONVERTED)
          .allow(
              LeadStatus.CONTACTED,
              LeadStatus.QUALIFIED,
              LeadStatus.UNQUALIFIED,
              LeadStatus.CONVERTED)
          .allow(LeadStatus.QUALIFIED, LeadStatus.UNQUALIFIED, LeadStatus.CONVERTED)
          .allow(LeadStatus.UNQUALIFIED, LeadStatus.CONTACTED)
          .build();

  /** Opportunities follow their stage's kind: lost ones may be reopened, won ones are final. */
  public static final StateMachine<OpportunityStatus> OPPORTUNITY =
      StateMachine.of("opportunity", OpportunityStatus.class)
          .allow(OpportunityStatus.OPEN, OpportunityStatus.WON, OpportunityStatus.LOST)
          .allow(OpportunityStatus.LOST, OpportunityStatus.OPEN)
          .build();
}
