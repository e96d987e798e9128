package dev.headlesscrm.sales;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.state.StateMachine;
import dev.headlesscrm.sales.application.LeadStates;
import dev.headlesscrm.sales.application.OpportunityStates;
import dev.headlesscrm.sales.application.OrderStates;
import dev.headlesscrm.sales.application.PaymentStates;
import dev.headlesscrm.sales.domain.ContractStatus;
import dev.headlesscrm.sales.domain.LeadStatus;
import dev.headlesscrm.sales.domain.OpportunityStatus;
import dev.headlesscrm.sales.domain.PaymentStatus;
import dev.headlesscrm.sales.domain.QuoteStatus;
import dev.headlesscrm.sales.domain.SalesOrderStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every allowed and every refused transition of the sales status machines, one test each. */
class SalesStatesTest {

  static final Map<LeadStatus, Set<LeadStatus>> LEAD =
      Map.of(
          LeadStatus.NEW,
          EnumSet.of(
              LeadStatus.CONTACTED,
              LeadStatus.QUALIFIED,
              LeadStatus.UNQUALIFIED,
              LeadStatus.CONVERTED),
          LeadStatus.CONTACTED,
          EnumSet.of(LeadStatus.QUALIFIED, LeadStatus.UNQUALIFIED, LeadStatus.CONVERTED),
          LeadStatus.QUALIFIED,
          EnumSet.of(LeadStatus.UNQUALIFIED, LeadStatus.CONVERTED),
          LeadStatus.UNQUALIFIED,
          EnumSet.of(LeadStatus.CONTACTED),
          LeadStatus.CONVERTED,
          EnumSet.noneOf(LeadStatus.class));

  static final Map<OpportunityStatus, Set<OpportunityStatus>> OPPORTUNITY =
      Map.of(
          OpportunityStatus.OPEN,
          EnumSet.of(OpportunityStatus.WON, OpportunityStatus.LOST),
          OpportunityStatus.LOST,
          EnumSet.of(OpportunityStatus.OPEN),
          OpportunityStatus.WON,
          EnumSet.noneOf(OpportunityStatus.class));

  static final Map<QuoteStatus, Set<QuoteStatus>> QUOTE =
      Map.of(
          QuoteStatus.DRAFT, EnumSet.of(QuoteStatus.IN_APPROVAL, QuoteStatus.APPROVED),
          QuoteStatus.IN_APPROVAL,
              EnumSet.of(QuoteStatus.APPROVED, QuoteStatus.REJECTED, QuoteStatus.DRAFT),
          QuoteStatus.REJECTED, EnumSet.of(QuoteStatus.DRAFT),
          QuoteStatus.APPROVED, EnumSet.of(QuoteStatus.SENT, QuoteStatus.EXPIRED),
          QuoteStatus.SENT, EnumSet.of(QuoteStatus.ACCEPTED, QuoteStatus.EXPIRED),
          QuoteStatus.ACCEPTED, EnumSet.noneOf(QuoteStatus.class),
          QuoteStatus.EXPIRED, EnumSet.noneOf(QuoteStatus.class));

  static final Map<ContractStatus, Set<ContractStatus>> CONTRACT =
      Map.of(
          ContractStatus.DRAFT,
              EnumSet.of(ContractStatus.IN_APPROVAL, ContractStatus.APPROVED, ContractStatus.VOID),
          ContractStatus.IN_APPROVAL,
              EnumSet.of(ContractStatus.APPROVED, ContractStatus.REJECTED, ContractStatus.DRAFT),
          ContractStatus.REJECTED, EnumSet.of(ContractStatus.DRAFT, ContractStatus.VOID),
          ContractStatus.APPROVED,
              EnumSet.of(ContractStatus.ACTIVE, ContractStatus.TERMINATED, ContractStatus.VOID),
          ContractStatus.ACTIVE, EnumSet.of(ContractStatus.COMPLETED, ContractStatus.TERMINATED),
          ContractStatus.COMPLETED, EnumSet.noneOf(ContractStatus.class),
          ContractStatus.TERMINATED, EnumSet.noneOf(ContractStatus.class),
          ContractStatus.VOID, EnumSet.noneOf(ContractStatus.class));

  static final Map<PaymentStatus, Set<PaymentStatus>> PAYMENT =
      Map.of(
          PaymentStatus.DRAFT,
              EnumSet.of(PaymentStatus.IN_APPROVAL, PaymentStatus.APPROVED, PaymentStatus.VOID),
          PaymentStatus.IN_APPROVAL,
              EnumSet.of(PaymentStatus.APPROVED, PaymentStatus.REJECTED, PaymentStatus.DRAFT),
          PaymentStatus.REJECTED, EnumSet.of(PaymentStatus.DRAFT, PaymentStatus.VOID),
          PaymentStatus.APPROVED, EnumSet.of(PaymentStatus.VOID),
          PaymentStatus.VOID, EnumSet.noneOf(PaymentStatus.class));

  static final Map<SalesOrderStatus, Set<SalesOrderStatus>> SALES_ORDER =
      Map.of(
          SalesOrderStatus.DRAFT,
              EnumSet.of(SalesOrderStatus.CONFIRMED, SalesOrderStatus.CANCELLED),
          SalesOrderStatus.CONFIRMED,
              EnumSet.of(
                  SalesOrderStatus.PARTIALLY_DELIVERED,
                  SalesOrderStatus.DELIVERED,
                  SalesOrderStatus.CANCELLED),
          SalesOrderStatus.PARTIALLY_DELIVERED,
              EnumSet.of(SalesOrderStatus.DELIVERED, SalesOrderStatus.CLOSED),
          SalesOrderStatus.DELIVERED, EnumSet.of(SalesOrderStatus.CLOSED),
          SalesOrderStatus.CLOSED, EnumSet.noneOf(SalesOrderStatus.class),
          SalesOrderStatus.CANCELLED, EnumSet.noneOf(SalesOrderStatus.class));

  @TestFactory
  Stream<DynamicTest> salesOrderTransitions() {
    return transitions(OrderStates.SALES_ORDER, SalesOrderStatus.class, SALES_ORDER);
  }

  @TestFactory
  Stream<DynamicTest> quoteTransitions() {
    return transitions(OrderStates.QUOTE, QuoteStatus.class, QUOTE);
  }

  @TestFactory
  Stream<DynamicTest> contractTransitions() {
    return transitions(OrderStates.CONTRACT, ContractStatus.class, CONTRACT);
  }

  @TestFactory
  Stream<DynamicTest> paymentTransitions() {
    return transitions(PaymentStates.PAYMENT, PaymentStatus.class, PAYMENT);
  }

  @TestFactory
  Stream<DynamicTest> leadTransitions() {
    return transitions(LeadStates.LEAD, LeadStatus.class, LEAD);
  }

  @TestFactory
  Stream<DynamicTest> opportunityTransitions() {
    return transitions(OpportunityStates.OPPORTUNITY, OpportunityStatus.class, OPPORTUNITY);
  }

  static <S extends Enum<S>> Stream<DynamicTest> transitions(
      StateMachine<S> machine, Class<S> type, Map<S, Set<S>> expected) {
    List<DynamicTest> out = new ArrayList<>();
    for (S from : type.getEnumConstants()) {
      for (S to : type.getEnumConstants()) {
        if (from == to) {
          continue;
        }
        boolean allowed = expected.get(from).contains(to);
        out.add(
            DynamicTest.dynamicTest(
                from + " -> " + to + (allowed ? " allowed" : " refused"),
                () -> {
                  if (allowed) {
                    assertDoesNotThrow(() -> machine.check(from, to));
                  } else {
                    CrmException e =
                        assertThrows(CrmException.class, () -> machine.check(from, to));
                    assertEquals(ProblemType.CONFLICT, e.type());
                  }
                }));
      }
    }
    return out.stream();
  }
}
