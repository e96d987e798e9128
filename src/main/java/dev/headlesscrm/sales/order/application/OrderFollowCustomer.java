package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.platform.records.FollowingRecords;
import dev.headlesscrm.platform.records.TransferParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * What a customer's transfer (转移) may carry from the sales documents: {@code carry: ["quotes",
 * "contracts", "sales-orders"]}; a contract always takes its payment plans and payments along
 * ({@link ContractService#reassign}).
 */
@ApplicationScoped
public class OrderFollowCustomer {

  @Produces
  TransferParticipant quotes(QuoteService service) {
    return new FollowingRecords("customer", "quotes", service, "customerId");
  }

  @Produces
  TransferParticipant contracts(ContractService service) {
    return new FollowingRecords("customer", "contracts", service, "customerId");
  }

  @Produces
  TransferParticipant salesOrders(SalesOrderService service) {
    return new FollowingRecords("customer", "sales-orders", service, "customerId");
  }
}
