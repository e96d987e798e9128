package dev.headlesscrm.platform.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** One entry of an approval's history: who submitted, approved, rejected or withdrew, and why. */
@Entity
@Table(name = "approval_decisions")
public class ApprovalDecision {

  @Id
  @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
  public UUID id;

  /** The step it was made at (the first for a submission). */
  @Column(nullable = false)
  public int step;

  /** The approver, or the submitter for SUBMITTED and WITHDRAWN. */
  @Column(name = "actor_id", nullable = false)
  public UUID actorId;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision", nullable = false, length = 16)
  public ApprovalAction action;

  @Column(length = ApprovalRequest.MAX_COMMENT)
  public String comment;

  @Column(nullable = false)
  public Instant at;

  public ApprovalDecision() {}

  ApprovalDecision(int step, UUID actorId, ApprovalAction action, String comment, Instant at) {
    this.step = step;
    this.actorId = actorId;
    this.action = action;
    this.comment = comment;
    this.at = at;
  }
}
