package dev.headlesscrm.support.domain;

import static dev.headlesscrm.support.domain.RepairStatus.CANCELLED;
import static dev.headlesscrm.support.domain.RepairStatus.COMPLETED;
import static dev.headlesscrm.support.domain.RepairStatus.IN_PROGRESS;
import static dev.headlesscrm.support.domain.RepairStatus.OPEN;
import static dev.headlesscrm.support.domain.RepairStatus.SCHEDULED;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of repairs, declared once. */
public final class RepairStates {
  private RepairStates() {}

  /**
   * An open repair is scheduled (a technician and a visit time) or started at once (a repair at the
   * service desk); a scheduled one may be scheduled again (another time or technician) or started;
   * a started one is completed. Anything not finished may be cancelled; COMPLETED and CANCELLED are
   * final.
   */
  public static final StateMachine<RepairStatus> REPAIR =
      StateMachine.of("repair", RepairStatus.class)
          .allow(OPEN, SCHEDULED, IN_PROGRESS, CANCELLED)
          .allow(SCHEDULED, SCHEDULED, IN_PROGRESS, CANCELLED)
          .allow(IN_PROGRESS, COMPLETED, CANCELLED)
          .build();

  /** Whether a repair in this status may still be edited (its parts, labour, visit). */
  public static boolean editable(RepairStatus status) {
    return !REPAIR.isFinal(status);
  }
}
