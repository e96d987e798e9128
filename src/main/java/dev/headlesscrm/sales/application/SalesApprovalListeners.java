package dev.headlesscrm.sales.application;

import dev.headlesscrm.platform.approval.ApprovalListener;
import dev.headlesscrm.platform.approval.ApprovalView;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** The approval outcomes of quotes, contracts and payments, back into their status. */
public final class SalesApprovalListeners {
  private SalesApprovalListeners() {}

  /** What a sales document does with an outcome. */
  interface Outcomes {
    void decided(UUID id, boolean approved);

    void withdrawn(UUID id);
  }

  /** One listener per document resource, all alike. */
  abstract static class DocumentListener implements ApprovalListener {

    abstract RecordService<?, ?, ?> service();

    abstract Outcomes outcomes();

    @Override
    public String resource() {
      return service().resource();
    }

    @Override
    public void approved(UUID recordId, ApprovalView approval) {
      outcomes().decided(recordId, true);
    }

    @Override
    public void rejected(UUID recordId, ApprovalView approval) {
      outcomes().decided(recordId, false);
    }

    @Override
    public void withdrawn(UUID recordId, ApprovalView approval) {
      outcomes().withdrawn(recordId);
    }

    @Override
    public boolean readable(UUID recordId) {
      return !service().getAll(List.of(recordId)).isEmpty();
    }
  }

  /** Quotes: approved or rejected; withdrawn back to draft. */
  @ApplicationScoped
  public static class Quotes extends DocumentListener {
    @Inject QuoteService quotes;

    @Override
    RecordService<?, ?, ?> service() {
      return quotes;
    }

    @Override
    Outcomes outcomes() {
      return quotes;
    }
  }

  /** Contracts: approval marks the customer won. */
  @ApplicationScoped
  public static class Contracts extends DocumentListener {
    @Inject ContractService contracts;

    @Override
    RecordService<?, ?, ?> service() {
      return contracts;
    }

    @Override
    Outcomes outcomes() {
      return contracts;
    }
  }

  /** Payments: approval books the amount (within the contract, under its lock). */
  @ApplicationScoped
  public static class Payments extends DocumentListener {
    @Inject PaymentService payments;

    @Override
    RecordService<?, ?, ?> service() {
      return payments;
    }

    @Override
    Outcomes outcomes() {
      return payments;
    }
  }
}
