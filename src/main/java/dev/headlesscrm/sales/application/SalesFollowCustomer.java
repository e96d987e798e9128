package dev.headlesscrm.sales.application;

import dev.headlesscrm.platform.records.TransferParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What a customer's transfer (转移) may carry from sales: {@code carry: ["opportunities", "quotes",
 * "contracts", "sales-orders"]}; a contract takes its payment plans and payments along.
 */
public final class SalesFollowCustomer {
  private SalesFollowCustomer() {}

  /** The customer's live opportunities. */
  @ApplicationScoped
  public static class Opportunities implements TransferParticipant {
    @Inject OpportunityService opportunities;

    @Override
    public String resource() {
      return "customer";
    }

    @Override
    public String carries() {
      return "opportunities";
    }

    @Override
    public void carry(UUID customerId, Transfer transfer) {
      opportunities.followCustomer(customerId, transfer);
    }
  }

  /** The customer's live quotes. */
  @ApplicationScoped
  public static class Quotes implements TransferParticipant {
    @Inject QuoteService quotes;

    @Override
    public String resource() {
      return "customer";
    }

    @Override
    public String carries() {
      return "quotes";
    }

    @Override
    public void carry(UUID customerId, Transfer transfer) {
      quotes.followCustomer(customerId, transfer);
    }
  }

  /** The customer's live contracts, with their payment plans and payments. */
  @ApplicationScoped
  public static class Contracts implements TransferParticipant {
    @Inject ContractService contracts;

    @Override
    public String resource() {
      return "customer";
    }

    @Override
    public String carries() {
      return "contracts";
    }

    @Override
    public void carry(UUID customerId, Transfer transfer) {
      contracts.followCustomer(customerId, transfer);
    }
  }

  /** The customer's live sales orders. */
  @ApplicationScoped
  public static class SalesOrders implements TransferParticipant {
    @Inject SalesOrderService orders;

    @Override
    public String resource() {
      return "customer";
    }

    @Override
    public String carries() {
      return "sales-orders";
    }

    @Override
    public void carry(UUID customerId, Transfer transfer) {
      orders.followCustomer(customerId, transfer);
    }
  }

  /** A contract's transfer always takes its payment plans and payments along. */
  @ApplicationScoped
  public static class ContractMoney implements TransferParticipant {
    @Inject PaymentPlanService plans;
    @Inject PaymentService payments;

    @Override
    public String resource() {
      return "contract";
    }

    @Override
    public String carries() {
      return "payments";
    }

    @Override
    public void carry(UUID contractId, Transfer transfer) {
      plans.followContract(contractId, transfer);
      payments.followContract(contractId, transfer);
    }
  }
}
