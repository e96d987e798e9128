package dev.headlesscrm.admin.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** An integration's OAuth client, authenticated by client credentials: a principal of its own. */
@Entity
@Table(name = "service_accounts")
public class ServiceAccount {

  @Id
  @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
  public UUID id;

  @Column(name = "client_id", nullable = false, length = 100)
  public String clientId;

  @Column(nullable = false, length = 64)
  public String subject;

  @Version public long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "last_seen_at", nullable = false)
  public Instant lastSeenAt;
}
