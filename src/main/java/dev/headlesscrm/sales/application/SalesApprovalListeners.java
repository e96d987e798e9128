package dev.headlesscrm.sales.application;

import dev.headlesscrm.platform.approval.ApprovalListener;
import dev.headlesscrm.platform.approval.ApprovalView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** The approval outcomes of quotes, contracts and payments, back into their status. */
public final class SalesApprovalListeners {
  private SalesApprovalListeners() {}

  /** Quotes: approved or rejected; withdrawn back to draft. */
  @ApplicationScoped
  public static class Quotes implements ApprovalListener {
    @Inject QuoteService quotes;

    @Override
    public String resource() {
      return QuoteService.RESOURCE;
    }

    @Override
    public void approved(UUID recordId, ApprovalView approval) {
      quotes.decided(recordId, true);
    }

    @Override
    public void rejected(UUID recordId, ApprovalView approval) {
      quotes.decided(recordId, false);
    }

    @Override
    public void withdrawn(UUID recordId, ApprovalView approval) {
      quotes.withdrawn(recordId);
    }

    @Override
    public boolean readable(UUID recordId) {
      return !quotes.getAll(List.of(recordId)).isEmpty();
    }
  }

  /** Contracts: approval marks the customer won. */
  @ApplicationScoped
  public static class Contracts implements ApprovalListener {
    @Inject ContractService contracts;

    @Override
    public String resource() {
      return ContractService.RESOURCE;
    }

    @Override
    public void approved(UUID recordId, ApprovalView approval) {
      contracts.decided(recordId, true);
    }

    @Override
    public void rejected(UUID recordId, ApprovalView approval) {
      contracts.decided(recordId, false);
    }

    @Override
    public void withdrawn(UUID recordId, ApprovalView approval) {
      contracts.withdrawn(recordId);
    }

    @Override
    public boolean readable(UUID recordId) {
      return !contracts.getAll(List.of(recordId)).isEmpty();
    }
  }

  /** Payments: approval books the amount (within the contract, under its lock). */
  @ApplicationScoped
  public static class Payments implements ApprovalListener {
    @Inject PaymentService payments;

    @Override
    public String resource() {
      return PaymentService.RESOURCE;
    }

    @Override
    public void approved(UUID recordId, ApprovalView approval) {
      payments.decided(recordId, true);
    }

    @Override
    public void rejected(UUID recordId, ApprovalView approval) {
      payments.decided(recordId, false);
    }

    @Override
    public void withdrawn(UUID recordId, ApprovalView approval) {
      payments.withdrawn(recordId);
    }

    @Override
    public boolean readable(UUID recordId) {
      return !payments.getAll(List.of(recordId)).isEmpty();
    }
  }
}
