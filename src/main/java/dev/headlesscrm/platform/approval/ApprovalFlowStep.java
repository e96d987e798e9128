package dev.headlesscrm.platform.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One step of a flow: who decides it. */
@Embeddable
public class ApprovalFlowStep {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ApprovalStepKind kind;

  /** The named employees (none for SUPERVISOR, one for EMPLOYEE). */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "employee_ids", nullable = false)
  public List<UUID> employeeIds = new ArrayList<>();

  public ApprovalFlowStep() {}

  public ApprovalFlowStep(ApprovalStepKind kind, List<UUID> employeeIds) {
    this.kind = kind;
    this.employeeIds = new ArrayList<>(employeeIds);
  }
}
