package dev.headlesscrm.platform.numbering;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * How one kind of record is numbered. Named by a stable key ({@code customer}, {@code contract})
 * that code refers to, so it is not a {@code BaseEntity} with a UUID; the audit columns are stamped
 * by {@link NumberingRuleService}.
 */
@Entity
@Table(name = "numbering_rules")
public class NumberingRule {

  @Id
  @Column(name = "rule_key", length = 64)
  public String ruleKey;

  @Column(nullable = false, length = 100)
  public String name;

  @Column(nullable = false, length = NumberPattern.MAX_LENGTH)
  public String pattern;

  @Enumerated(EnumType.STRING)
  @Column(name = "reset_policy", nullable = false, length = 16)
  public ResetPolicy reset;

  @Version public long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "created_by", updatable = false)
  public UUID createdBy;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by")
  public UUID updatedBy;
}
