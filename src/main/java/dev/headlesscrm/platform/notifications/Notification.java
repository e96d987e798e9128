package dev.headlesscrm.platform.notifications;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One notification to one employee. */
@Entity
@Table(name = "notifications")
public class Notification extends SoftDeletableEntity {

  @Column(name = "recipient_id", nullable = false)
  public UUID recipientId;

  @Column(nullable = false, length = 64)
  public String kind;

  @Column(length = 64)
  public String resource;

  @Column(name = "record_id")
  public UUID recordId;

  @Column(name = "title_zh", nullable = false, length = 500)
  public String titleZh;

  @Column(name = "title_en", nullable = false, length = 500)
  public String titleEn;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> data;

  @Column(name = "read_at")
  public Instant readAt;
}
