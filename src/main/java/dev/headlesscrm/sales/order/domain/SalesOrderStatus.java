package dev.headlesscrm.sales.order.domain;

/** Where a sales order (销售订单) stands; delivery states follow the delivered quantities. */
public enum SalesOrderStatus {
  DRAFT,
  CONFIRMED,
  PARTIALLY_DELIVERED,
  DELIVERED,
  CLOSED,
  CANCELLED
}
