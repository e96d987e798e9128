package dev.headlesscrm.sales.order.domain;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machines of quotes, contracts and sales orders, declared once. */
public final class OrderStates {
  private OrderStates() {}

  /** Quotes: drafted, approved (directly or through approval), sent, accepted or expired. */
  public static final StateMachine<QuoteStatus> QUOTE =
      StateMachine.of("quote", QuoteStatus.class)
          .allow(QuoteStatus.DRAFT, QuoteStatus.IN_APPROVAL, QuoteStatus.APPROVED)
          .allow(
              QuoteStatus.IN_APPROVAL,
              QuoteStatus.APPROVED,
              QuoteStatus.REJECTED,
              QuoteStatus.DRAFT)
          .allow(QuoteStatus.REJECTED, QuoteStatus.DRAFT)
          .allow(QuoteStatus.APPROVED, QuoteStatus.SENT, QuoteStatus.EXPIRED)
          .allow(QuoteStatus.SENT, QuoteStatus.ACCEPTED, QuoteStatus.EXPIRED)
          .build();

  /** Contracts: approved (directly or through approval), then active until completed or ended. */
  public static final StateMachine<ContractStatus> CONTRACT =
      StateMachine.of("contract", ContractStatus.class)
          .allow(
              ContractStatus.DRAFT,
              ContractStatus.IN_APPROVAL,
              ContractStatus.APPROVED,
              ContractStatus.VOID)
          .allow(
              ContractStatus.IN_APPROVAL,
              ContractStatus.APPROVED,
              ContractStatus.REJECTED,
              ContractStatus.DRAFT)
          .allow(ContractStatus.REJECTED, ContractStatus.DRAFT, ContractStatus.VOID)
          .allow(
              ContractStatus.APPROVED,
              ContractStatus.ACTIVE,
              ContractStatus.TERMINATED,
              ContractStatus.VOID)
          .allow(ContractStatus.ACTIVE, ContractStatus.COMPLETED, ContractStatus.TERMINATED)
          .build();

  /** Sales orders: confirmed, delivered (partly, then fully), closed; or cancelled undelivered. */
  public static final StateMachine<SalesOrderStatus> SALES_ORDER =
      StateMachine.of("sales order", SalesOrderStatus.class)
          .allow(SalesOrderStatus.DRAFT, SalesOrderStatus.CONFIRMED, SalesOrderStatus.CANCELLED)
          .allow(
              SalesOrderStatus.CONFIRMED,
              SalesOrderStatus.PARTIALLY_DELIVERED,
              SalesOrderStatus.DELIVERED,
              SalesOrderStatus.CANCELLED)
          .allow(
              SalesOrderStatus.PARTIALLY_DELIVERED,
              SalesOrderStatus.DELIVERED,
              SalesOrderStatus.CLOSED)
          .allow(SalesOrderStatus.DELIVERED, SalesOrderStatus.CLOSED)
          .build();
}
