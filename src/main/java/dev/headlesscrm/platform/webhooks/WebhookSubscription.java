package dev.headlesscrm.platform.webhooks;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import dev.headlesscrm.platform.security.StoredCaller;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A webhook subscription: where to send which events, signed with which secret, as whom. */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription extends SoftDeletableEntity {

  @Column(nullable = false, length = 2048)
  public String url;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "event_types", nullable = false)
  public List<String> eventTypes = new ArrayList<>();

  @Column(length = 4000)
  public String filter;

  @Column(length = 500)
  public String description;

  @Column(nullable = false)
  public boolean active;

  @Column(nullable = false, length = 200)
  public String secret;

  @Column(name = "previous_secret", length = 200)
  public String previousSecret;

  @Column(name = "previous_secret_expires_at")
  public Instant previousSecretExpiresAt;

  @Column(name = "owner_id", nullable = false)
  public UUID ownerId;

  /** Whose permissions decide what the payloads show. */
  @Embedded public StoredCaller actingAs;

  @Column(name = "starts_after", nullable = false)
  public long startsAfter;

  @Column(name = "disabled_reason", length = 500)
  public String disabledReason;

  @Column(name = "disabled_at")
  public Instant disabledAt;
}
