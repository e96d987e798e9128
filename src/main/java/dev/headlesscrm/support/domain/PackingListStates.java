package dev.headlesscrm.support.domain;

import static dev.headlesscrm.support.domain.PackingListStatus.DELIVERED;
import static dev.headlesscrm.support.domain.PackingListStatus.DRAFT;
import static dev.headlesscrm.support.domain.PackingListStatus.PACKED;
import static dev.headlesscrm.support.domain.PackingListStatus.RETURNED;
import static dev.headlesscrm.support.domain.PackingListStatus.SHIPPED;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of packing lists, declared once, the same in both directions. */
public final class PackingListStates {
  private PackingListStates() {}

  /**
   * A draft is packed (it has lines), a packed one shipped (with a tracking number), a shipped one
   * delivered to its addressee; a shipment that comes back (refused, undeliverable, or sent back
   * after delivery) is RETURNED. DELIVERED may still become RETURNED; RETURNED is final.
   */
  public static final StateMachine<PackingListStatus> PACKING_LIST =
      StateMachine.of("packing-list", PackingListStatus.class)
          .allow(DRAFT, PACKED)
          .allow(PACKED, SHIPPED)
          .allow(SHIPPED, DELIVERED, RETURNED)
          .allow(DELIVERED, RETURNED)
          .build();
}
