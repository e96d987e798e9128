package dev.headlesscrm.support;

import static dev.headlesscrm.support.domain.RepairStatus.CANCELLED;
import static dev.headlesscrm.support.domain.RepairStatus.COMPLETED;
import static dev.headlesscrm.support.domain.RepairStatus.IN_PROGRESS;
import static dev.headlesscrm.support.domain.RepairStatus.OPEN;
import static dev.headlesscrm.support.domain.RepairStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.support.domain.PackingListLine;
import dev.headlesscrm.support.domain.PackingListStates;
import dev.headlesscrm.support.domain.PackingListStatus;
import dev.headlesscrm.support.domain.RepairCosts;
import dev.headlesscrm.support.domain.RepairStates;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of repairs and packing lists, without a database. */
class RepairRulesTest {

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void aRepairCostsItsPartsPlusItsLabourEachRoundedHalfUp() {
    RepairCosts c =
        RepairCosts.of(
            List.of(
                new RepairCosts.Part(d("2"), d("150")), new RepairCosts.Part(d("1"), d("80.555"))),
            d("1.5"),
            d("120"),
            false,
            2);
    assertEquals(List.of(d("300.00"), d("80.56")), c.partAmounts());
    assertEquals(d("380.56"), c.partsTotal());
    assertEquals(d("180.00"), c.labourTotal());
    assertEquals(d("560.56"), c.total());
    assertEquals(d("560.56"), c.chargeable());
  }

  @Test
  void inWarrantyNothingIsChargedButTheCostIsStillKnown() {
    RepairCosts c =
        RepairCosts.of(List.of(new RepairCosts.Part(d("3"), d("9.99"))), null, null, true, 2);
    assertEquals(d("29.97"), c.total());
    assertEquals(d("0.00"), c.labourTotal());
    assertEquals(d("0.00"), c.chargeable());
  }

  @Test
  void noPartsAndNoLabourCostNothing() {
    RepairCosts c = RepairCosts.of(List.of(), d("0"), d("100"), false, 0);
    assertEquals(d("0"), c.total());
    assertEquals(d("0"), c.chargeable());
  }

  @Test
  void aRepairIsScheduledStartedAndCompletedOrCancelledBeforeItEnds() {
    assertEquals(Set.of(SCHEDULED, IN_PROGRESS, CANCELLED), RepairStates.REPAIR.next(OPEN));
    assertEquals(Set.of(SCHEDULED, IN_PROGRESS, CANCELLED), RepairStates.REPAIR.next(SCHEDULED));
    assertEquals(Set.of(COMPLETED, CANCELLED), RepairStates.REPAIR.next(IN_PROGRESS));
    assertTrue(RepairStates.REPAIR.isFinal(COMPLETED));
    assertTrue(RepairStates.REPAIR.isFinal(CANCELLED));
    assertFalse(RepairStates.editable(COMPLETED));
    assertTrue(RepairStates.editable(IN_PROGRESS));
    assertThrows(CrmException.class, () -> RepairStates.REPAIR.check(OPEN, COMPLETED));
    assertThrows(CrmException.class, () -> RepairStates.REPAIR.act(IN_PROGRESS, IN_PROGRESS));
    // Rescheduling is a transition of its own (the action refuses it when nothing changes).
    RepairStates.REPAIR.check(SCHEDULED, SCHEDULED);
  }

  @Test
  void aPackingListIsPackedShippedAndDeliveredOrComesBack() {
    var m = PackingListStates.PACKING_LIST;
    assertEquals(Set.of(PackingListStatus.PACKED), m.next(PackingListStatus.DRAFT));
    assertEquals(Set.of(PackingListStatus.SHIPPED), m.next(PackingListStatus.PACKED));
    assertEquals(
        Set.of(PackingListStatus.DELIVERED, PackingListStatus.RETURNED),
        m.next(PackingListStatus.SHIPPED));
    assertEquals(Set.of(PackingListStatus.RETURNED), m.next(PackingListStatus.DELIVERED));
    assertTrue(m.isFinal(PackingListStatus.RETURNED));
    assertThrows(
        CrmException.class, () -> m.check(PackingListStatus.DRAFT, PackingListStatus.SHIPPED));
    assertThrows(
        CrmException.class, () -> m.check(PackingListStatus.PACKED, PackingListStatus.RETURNED));
  }

  @Test
  void oneSerialNumberPerUnitAtMost() {
    assertTrue(PackingListLine.serialsFit(0, d("1")));
    assertTrue(PackingListLine.serialsFit(2, d("2")));
    assertFalse(PackingListLine.serialsFit(3, d("2")));
    assertFalse(PackingListLine.serialsFit(2, d("1.5")));
  }
}
