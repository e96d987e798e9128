package dev.headlesscrm.sales.pipeline.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One stage of a pipeline: its place, win probability and kind. */
@Entity
@Table(name = "pipeline_stages")
public class PipelineStage {

  @Id
  @org.hibernate.annotations.UuidGenerator(
      style = org.hibernate.annotations.UuidGenerator.Style.VERSION_7)
  public UUID id;

  @Column(name = "pipeline_id", insertable = false, updatable = false)
  public UUID pipelineId;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false, length = 64)
  public String code;

  @Column(nullable = false, length = 100)
  public String name;

  @Column(nullable = false, precision = 5, scale = 2)
  public BigDecimal probability;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public StageKind kind;

  @Column(name = "requires_reason", nullable = false)
  public boolean requiresReason;
}
