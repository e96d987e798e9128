package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 服务队列: requests of some categories and types, worked by its members; when none of them can take
 * one, it overflows to another queue. Queues are tried by rank.
 */
@Entity
@Table(name = "service_queues")
public class ServiceQueue extends SoftDeletableEntity {

  @Column(nullable = false, length = 100)
  public String name;

  @Column(nullable = false)
  public int rank;

  @Column(nullable = false)
  public boolean active = true;

  /** Whose department sees the requests waiting in it. */
  @Column(name = "department_id")
  public UUID departmentId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "member_ids", nullable = false)
  public List<UUID> memberIds = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false)
  public List<String> categories = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "request_types", nullable = false)
  public List<String> requestTypes = new ArrayList<>();

  /** Weight of an open request of each type in an agent's load; 1 for types not named. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "type_weights", nullable = false)
  public Map<String, Integer> typeWeights = new LinkedHashMap<>();

  @Column(name = "overflow_queue_id")
  public UUID overflowQueueId;

  @Column(columnDefinition = "text")
  public String description;

  public boolean takes(String category, String type) {
    return active
        && (categories.isEmpty() || (category != null && categories.contains(category)))
        && (requestTypes.isEmpty() || requestTypes.contains(type));
  }

  public int weight(String type) {
    Integer w = typeWeights.get(type);
    return w == null ? 1 : w;
  }
}
