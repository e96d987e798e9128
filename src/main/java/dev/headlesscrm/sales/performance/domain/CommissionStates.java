package dev.headlesscrm.sales.performance.domain;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of commissions (佣金), declared once. */
public final class CommissionStates {
  private CommissionStates() {}

  /**
   * Calculated (and recalculated at will), approved by a sales manager, then paid; approved and
   * paid ones are corrected by adjustments, never changed or taken back.
   */
  public static final StateMachine<CommissionStatus> COMMISSION =
      StateMachine.of("commission", CommissionStatus.class)
          .allow(CommissionStatus.CALCULATED, CommissionStatus.APPROVED)
          .allow(CommissionStatus.APPROVED, CommissionStatus.PAID)
          .build();
}
