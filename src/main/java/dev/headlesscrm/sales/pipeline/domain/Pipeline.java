package dev.headlesscrm.sales.pipeline.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** 商机组: an ordered set of stages opportunities move through. */
@Entity
@Table(name = "pipelines")
public class Pipeline extends SoftDeletableEntity {

  @Column(nullable = false, length = 100)
  public String name;

  @Column(name = "is_default", nullable = false)
  public boolean isDefault;

  public String description;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "pipeline_id", nullable = false)
  @OrderBy("position")
  @org.hibernate.annotations.BatchSize(size = 50)
  public List<PipelineStage> stages = new ArrayList<>();
}
