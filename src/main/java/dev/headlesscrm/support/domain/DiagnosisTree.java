package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 诊断树 (横向决策树): questions whose answers lead to further questions or to a solution article, checked
 * by {@link DiagnosisTreeRules} (no dangling targets, no cycles, every node reachable).
 */
@Entity
@Table(name = "diagnosis_trees")
public class DiagnosisTree extends SoftDeletableEntity {

  @Column(nullable = false, length = 200)
  public String name;

  @Column(columnDefinition = "text")
  public String description;

  @Column(name = "product_id")
  public UUID productId;

  /** Code from dictionary {@code service-category}. */
  @Column(length = 64)
  public String category;

  @Column(nullable = false)
  public boolean active = true;

  @Column(name = "root_node_key", nullable = false, length = 64)
  public String rootNodeKey;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<DiagnosisNode> nodes = new ArrayList<>();
}
