package dev.headlesscrm.sales.pipeline.domain;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of opportunities (商机), declared once. */
public final class OpportunityStates {
  private OpportunityStates() {}

  /** Opportunities follow their stage's kind: lost ones may be reopened, won ones are final. */
  public static final StateMachine<OpportunityStatus> OPPORTUNITY =
      StateMachine.of("opportunity", OpportunityStatus.class)
          .allow(OpportunityStatus.OPEN, OpportunityStatus.WON, OpportunityStatus.LOST)
          .allow(OpportunityStatus.LOST, OpportunityStatus.OPEN)
          .build();
}
