package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.sales.shared.application.SalesApprovalListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The approval outcomes of quotes and contracts, back into their status. */
public final class OrderApprovalListeners {
  private OrderApprovalListeners() {}

  /** Quotes: approved or rejected; withdrawn back to draft. */
  @ApplicationScoped
  public static class Quotes extends SalesApprovalListeners.DocumentListener {
    @Inject QuoteService quotes;

    @Override
    protected RecordService<?, ?, ?> service() {
      return quotes;
    }

    @Override
    protected SalesApprovalListeners.Outcomes outcomes() {
      return quotes;
    }
  }

  /** Contracts: approval marks the customer won. */
  @ApplicationScoped
  public static class Contracts extends SalesApprovalListeners.DocumentListener {
    @Inject ContractService contracts;

    @Override
    protected RecordService<?, ?, ?> service() {
      return contracts;
    }

    @Override
    protected SalesApprovalListeners.Outcomes outcomes() {
      return contracts;
    }
  }
}
