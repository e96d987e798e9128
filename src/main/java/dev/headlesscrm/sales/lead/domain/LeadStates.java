package dev.headlesscrm.sales.lead.domain;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of leads (线索), declared once. */
public final class LeadStates {
  private LeadStates() {}

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
}
