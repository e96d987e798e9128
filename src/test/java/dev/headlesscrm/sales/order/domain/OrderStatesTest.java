package dev.headlesscrm.sales.order.domain;

import dev.headlesscrm.sales.StateTransitions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every allowed and every refused transition of quotes, contracts and sales orders, one test each.
 */
class OrderStatesTest {

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
  Stream<DynamicTest> quoteTransitions() {
    return StateTransitions.transitions(OrderStates.QUOTE, QuoteStatus.class, QUOTE);
  }

  @TestFactory
  Stream<DynamicTest> contractTransitions() {
    return StateTransitions.transitions(OrderStates.CONTRACT, ContractStatus.class, CONTRACT);
  }

  @TestFactory
  Stream<DynamicTest> salesOrderTransitions() {
    return StateTransitions.transitions(
        OrderStates.SALES_ORDER, SalesOrderStatus.class, SALES_ORDER);
  }
}
