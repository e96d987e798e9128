package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ListIndexBase;

/** 审批流程: the steps one resource's records go through before they are approved. */
@Entity
@Table(name = "approval_flows")
public class ApprovalFlow extends SoftDeletableEntity {

  /** The resource whose records the flow approves: {@code quote}, {@code contract}... */
  @Column(nullable = false, length = 64)
  public String resource;

  @Column(nullable = false, length = 200)
  public String name;

  /** The engine uses the one active flow of a resource. */
  @Column(nullable = false)
  public boolean active;

  @ElementCollection
  @CollectionTable(name = "approval_flow_steps", joinColumns = @JoinColumn(name = "flow_id"))
  @OrderColumn(name = "position")
  @ListIndexBase(1)
  public List<ApprovalFlowStep> steps = new ArrayList<>();
}
