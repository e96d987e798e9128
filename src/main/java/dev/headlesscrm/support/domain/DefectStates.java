package dev.headlesscrm.support.domain;

import static dev.headlesscrm.support.domain.DefectStatus.CLOSED;
import static dev.headlesscrm.support.domain.DefectStatus.CONFIRMED;
import static dev.headlesscrm.support.domain.DefectStatus.FIXED;
import static dev.headlesscrm.support.domain.DefectStatus.FIXING;
import static dev.headlesscrm.support.domain.DefectStatus.REPORTED;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of product defects, declared once. */
public final class DefectStates {
  private DefectStates() {}

  /**
   * A report is confirmed (or closed as no defect); a confirmed defect is worked on and fixed; a
   * fixed one is closed, or confirmed again when it comes back, as a closed one may.
   */
  public static final StateMachine<DefectStatus> DEFECT =
      StateMachine.of("product-defect", DefectStatus.class)
          .allow(REPORTED, CONFIRMED, CLOSED)
          .allow(CONFIRMED, FIXING)
          .allow(FIXING, FIXED)
          .allow(FIXED, CLOSED, CONFIRMED)
          .allow(CLOSED, CONFIRMED)
          .build();
}
