package dev.headlesscrm.customer.domain;

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
 * 公海: a public pool of customers nobody owns. Its members (employees, and everyone in its member
 * departments and below) may claim from it, and the customers they own return to it by its rules;
 * its administrators assign from it.
 */
@Entity
@Table(name = "customer_pools")
public class CustomerPool extends SoftDeletableEntity {

  @Column(nullable = false, length = 100)
  public String name;

  @Column(length = 1000)
  public String description;

  @Column(nullable = false)
  public boolean active;

  /** Of two pools an owner is a member of, the lower priority governs the owner's customers. */
  @Column(nullable = false)
  public int priority;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "member_employee_ids", nullable = false)
  public List<UUID> memberEmployeeIds = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "member_department_ids", nullable = false)
  public List<UUID> memberDepartmentIds = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "admin_ids", nullable = false)
  public List<UUID> adminIds = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<PoolRule> rules = new ArrayList<>();

  @Column(name = "warn_days_before", nullable = false)
  public int warnDaysBefore;

  @Column(name = "escalate_days_before", nullable = false)
  public int escalateDaysBefore;

  @Column(name = "daily_claim_limit")
  public Integer dailyClaimLimit;

  @Column(name = "ownership_cap")
  public Integer ownershipCap;

  @Column(name = "cap_counts_won", nullable = false)
  public boolean capCountsWon;

  @Column(name = "cooling_off_days", nullable = false)
  public int coolingOffDays;

  @Column(name = "lock_cap")
  public Integer lockCap;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "hidden_fields", nullable = false)
  public List<String> hiddenFields = new ArrayList<>();
}
