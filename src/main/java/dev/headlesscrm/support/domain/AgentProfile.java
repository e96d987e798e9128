package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 话务员档案: what routing knows of an agent — skills, capacity, availability, working time. */
@Entity
@Table(name = "agent_profiles")
public class AgentProfile extends SoftDeletableEntity {

  @Column(name = "employee_id", nullable = false)
  public UUID employeeId;

  @Column(nullable = false)
  public boolean available = true;

  /** Units of open work the agent takes; each open request weighs its type's weight. */
  @Column(nullable = false)
  public int capacity;

  /** The agent's working time; null: always. */
  @Column(name = "calendar_id")
  public UUID calendarId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<AgentSkill> skills = new ArrayList<>();

  @Column(name = "last_assigned_at")
  public Instant lastAssignedAt;

  @Column(columnDefinition = "text")
  public String note;
}
