package dev.headlesscrm.platform.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A step of one request, with the employees who decide it as resolved at submission. */
@Embeddable
public class ApprovalRequestStep {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ApprovalStepKind kind;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "approver_ids", nullable = false)
  public List<UUID> approverIds = new ArrayList<>();

  public ApprovalRequestStep() {}

  public ApprovalRequestStep(ApprovalStepKind kind, List<UUID> approverIds) {
    this.kind = kind;
    this.approverIds = new ArrayList<>(approverIds.stream().distinct().toList());
  }

  /**
   * Whether these approvals complete the step: every approver's for ALL_OF (会签), anyone's for the
   * others (the first approval of ANY_OF, 或签).
   */
  public boolean completedBy(Set<UUID> approvals) {
    if (kind == ApprovalStepKind.ALL_OF) {
      return approvals.containsAll(approverIds);
    }
    return approverIds.stream().anyMatch(approvals::contains);
  }
}
