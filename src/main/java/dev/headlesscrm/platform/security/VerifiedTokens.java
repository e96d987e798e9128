package dev.headlesscrm.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bearer tokens this pod has verified (signature, issuer, audience, expiry), each with the identity
 * it proved, until the token expires: a token seen again is not verified again. Keyed by the whole
 * token, signature included, so a token differing in any character is a stranger and goes through
 * the full check; an entry is never served at or after its token's expiry. Only what verification
 * alone decides is cached (the token is self-contained: a local verification consults no revocation
 * list either), and the roles and data the service derives from the identity are computed per
 * request as before. Bounded: past {@code crm.security.token-cache.max-entries} the expired entries
 * go, then everything.
 */
@ApplicationScoped
public class VerifiedTokens {

  /** A verified token's identity and when the token stops being valid. */
  public record Entry(SecurityIdentity identity, Instant expiresAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final Clock clock;
  private final java.util.concurrent.atomic.AtomicLong hits =
      new java.util.concurrent.atomic.AtomicLong();

  @jakarta.inject.Inject
  public VerifiedTokens(
      @ConfigProperty(name = "crm.security.token-cache.max-entries", defaultValue = "2000")
          int maxEntries) {
    this(maxEntries, Clock.systemUTC());
  }

  /** For tests of the rules: a fixed clock. */
  public VerifiedTokens(int maxEntries, Clock clock) {
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** The identity a still-valid token proved here before, if any. */
  public Optional<SecurityIdentity> find(String token) {
    if (maxEntries <= 0 || token == null) {
      return Optional.empty();
    }
    Entry e = entries.get(token);
    if (e == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(e.expiresAt())) {
      entries.remove(token, e);
      return Optional.empty();
    }
    hits.incrementAndGet();
    return Optional.of(e.identity());
  }

  /** Whether the token is held (expired or not), without counting a hit. */
  public boolean holds(String token) {
    return token != null && entries.containsKey(token);
  }

  /** Remembers what a token proved, when it has an expiry still ahead. */
  public void remember(String token, SecurityIdentity identity, Instant expiresAt) {
    if (maxEntries <= 0 || token == null || expiresAt == null) {
      return;
    }
    Instant now = clock.instant();
    if (!now.isBefore(expiresAt)) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    entries.put(token, new Entry(identity, expiresAt));
  }

  /** Tokens served from here instead of being verified again, since start. */
  public long hits() {
    return hits.get();
  }

  public int size() {
    return entries.size();
  }
}
