package dev.headlesscrm.platform.approval;

import static dev.headlesscrm.platform.approval.ApprovalStatus.APPROVED;
import static dev.headlesscrm.platform.approval.ApprovalStatus.MACHINE;
import static dev.headlesscrm.platform.approval.ApprovalStatus.PENDING;
import static dev.headlesscrm.platform.approval.ApprovalStatus.REJECTED;
import static dev.headlesscrm.platform.approval.ApprovalStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status of an approval request: pending until decided once, then final. */
class ApprovalStateMachineTest {

  @ParameterizedTest(name = "{0} → {1} is allowed")
  @CsvSource({"PENDING, APPROVED", "PENDING, REJECTED", "PENDING, WITHDRAWN"})
  void aPendingRequestIsDecidedOnce(ApprovalStatus from, ApprovalStatus to) {
    assertTrue(MACHINE.allows(from, to));
    MACHINE.check(from, to);
  }

  @ParameterizedTest(name = "{0} → {1} is refused")
  @CsvSource({
    "APPROVED, PENDING",
    "APPROVED, REJECTED",
    "APPROVED, WITHDRAWN",
    "REJECTED, PENDING",
    "REJECTED, APPROVED",
    "REJECTED, WITHDRAWN",
    "WITHDRAWN, PENDING",
    "WITHDRAWN, APPROVED",
    "WITHDRAWN, REJECTED"
  })
  void aDecidedRequestNeverChangesAgain(ApprovalStatus from, ApprovalStatus to) {
    assertFalse(MACHINE.allows(from, to));
    CrmException e = assertThrows(CrmException.class, () -> MACHINE.check(from, to));
    assertEquals(ProblemType.CONFLICT, e.type());
    assertEquals(from.name(), e.extensions().get("from"));
    assertEquals(to.name(), e.extensions().get("to"));
    assertEquals(List.of(), e.extensions().get("allowed"));
  }

  @ParameterizedTest(name = "{0} is final")
  @CsvSource({"APPROVED", "REJECTED", "WITHDRAWN"})
  void decidedStatesAreFinal(ApprovalStatus status) {
    assertTrue(MACHINE.isFinal(status));
  }

  @org.junit.jupiter.api.Test
  void pendingLeadsToTheThreeDecisions() {
    assertFalse(MACHINE.isFinal(PENDING));
    assertEquals(Set.of(APPROVED, REJECTED, WITHDRAWN), MACHINE.next(PENDING));
  }
}
