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
 * 服务级别: the targets a request gets when it matches the conditions (empty lists match every value).
 * Policies are tried by rank, lowest first; the first active match is the request's.
 */
@Entity
@Table(name = "sla_policies")
public class SlaPolicy extends SoftDeletableEntity {

  @Column(nullable = false, length = 100)
  public String name;

  @Column(nullable = false)
  public int rank;

  @Column(nullable = false)
  public boolean active = true;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false)
  public List<String> priorities = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "request_types", nullable = false)
  public List<String> requestTypes = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "customer_levels", nullable = false)
  public List<String> customerLevels = new ArrayList<>();

  /** EntitlementSource names; empty: any. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "entitlement_sources", nullable = false)
  public List<String> entitlementSources = new ArrayList<>();

  /** Service levels (dictionary service-level) of the entitling service contract; empty: any. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "service_levels", nullable = false)
  public List<String> serviceLevels = new ArrayList<>();

  @Column(name = "calendar_id", nullable = false)
  public UUID calendarId;

  @Column(name = "first_response_minutes")
  public Integer firstResponseMinutes;

  @Column(name = "next_response_minutes")
  public Integer nextResponseMinutes;

  @Column(name = "resolution_minutes")
  public Integer resolutionMinutes;

  @Column(name = "warning_percent", nullable = false)
  public int warningPercent = 80;

  @Column(columnDefinition = "text")
  public String description;

  /** Whether a request with these values falls under the policy. */
  public boolean matches(
      String priority,
      String type,
      String customerLevel,
      String entitlementSource,
      String serviceLevel) {
    return active
        && (priorities.isEmpty() || priorities.contains(priority))
        && (requestTypes.isEmpty() || requestTypes.contains(type))
        && (customerLevels.isEmpty() || customerLevels.contains(customerLevel))
        && (entitlementSources.isEmpty() || entitlementSources.contains(entitlementSource))
        && (serviceLevels.isEmpty() || serviceLevels.contains(serviceLevel));
  }

  /** The target of one timer kind in minutes, or null when the policy sets none. */
  public Integer minutes(SlaTimerKind kind) {
    return switch (kind) {
      case FIRST_RESPONSE -> firstResponseMinutes;
      case NEXT_RESPONSE -> nextResponseMinutes;
      case RESOLUTION -> resolutionMinutes;
    };
  }
}
