package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** 产品缺陷: a defect of a product version, with the service requests it caused. */
@Entity
@Table(name = "product_defects")
public class ProductDefect extends SoftDeletableEntity {

  @Column(nullable = false, length = 64, updatable = false)
  public String number;

  @Column(name = "product_id", nullable = false)
  public UUID productId;

  @Column(name = "product_version", length = 64)
  public String productVersion;

  @Column(nullable = false, length = 200)
  public String title;

  @Column(columnDefinition = "text")
  public String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public DefectSeverity severity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public DefectStatus status;

  @Column(name = "fixed_in_version", length = 64)
  public String fixedInVersion;

  @Column(name = "fixed_at")
  public Instant fixedAt;

  /** Live service requests linked to it. */
  @Column(name = "occurrence_count", nullable = false)
  public int occurrenceCount;
}
