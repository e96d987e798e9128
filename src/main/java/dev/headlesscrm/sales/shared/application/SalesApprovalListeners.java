package dev.headlesscrm.sales.shared.application;

import dev.headlesscrm.platform.approval.ApprovalListener;
import dev.headlesscrm.platform.approval.ApprovalView;
import dev.headlesscrm.platform.records.RecordService;
import java.util.List;
import java.util.UUID;

/**
 * The approval outcomes of sales documents (quotes, contracts, payments), back into their status:
 * each aggregate subclasses {@link DocumentListener} for its documents.
 */
public final class SalesApprovalListeners {
  private SalesApprovalListeners() {}

  /** What a sales document does with an outcome. */
  public interface Outcomes {
    void decided(UUID id, boolean approved);

    void withdrawn(UUID id);
  }

  /** One listener per document resource, all alike. */
  public abstract static class DocumentListener implements ApprovalListener {

    protected abstract RecordService<?, ?, ?> service();

    protected abstract Outcomes outcomes();

    @Override
    public String resource() {
      return service().resource();
    }

    @Override
    public void lock(UUID recordId) {
      service().lockRow(recordId);
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
}
