package dev.headlesscrm.sales.receivable.domain;

import dev.headlesscrm.sales.StateTransitions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every allowed and every refused transition of a payment, one test each. */
class PaymentStatesTest {

  static final Map<PaymentStatus, Set<PaymentStatus>> PAYMENT =
      Map.of(
          PaymentStatus.DRAFT,
              EnumSet.of(PaymentStatus.IN_APPROVAL, PaymentStatus.APPROVED, PaymentStatus.VOID),
          PaymentStatus.IN_APPROVAL,
              EnumSet.of(PaymentStatus.APPROVED, PaymentStatus.REJECTED, PaymentStatus.DRAFT),
          PaymentStatus.REJECTED, EnumSet.of(PaymentStatus.DRAFT, PaymentStatus.VOID),
          PaymentStatus.APPROVED, EnumSet.of(PaymentStatus.VOID),
          PaymentStatus.VOID, EnumSet.noneOf(PaymentStatus.class));

  @TestFactory
  Stream<DynamicTest> paymentTransitions() {
    return StateTransitions.transitions(PaymentStates.PAYMENT, PaymentStatus.class, PAYMENT);
  }
}
