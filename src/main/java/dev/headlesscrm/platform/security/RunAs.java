package dev.headlesscrm.platform.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs work no request asked for as a caller whose token was seen before (a webhook's owner): in a
 * request context of its own whose identity carries that caller's subject, name and roles, so that
 * function permissions, data scope and field permissions decide exactly as they would for a request
 * with that token. Only code that stored the caller from a verified token may use it.
 */
@ApplicationScoped
public class RunAs {

  @Inject CurrentIdentityAssociation association;

  /**
   * The work's answer, computed as {@code caller}. A request context active on this thread is set
   * aside meanwhile and restored afterwards.
   */
  public <T> T call(Caller caller, Supplier<T> work) {
    ManagedContext requests = Arc.container().requestContext();
    InjectableContext.ContextState outer = requests.isActive() ? requests.getState() : null;
    if (outer != null) {
      requests.deactivate();
    }
    requests.activate();
    try {
      association.setIdentity(
          QuarkusSecurityIdentity.builder()
              .setPrincipal(new StoredCallerToken(caller))
              .addRoles(Set.copyOf(caller.roles()))
              .build());
      return work.get();
    } finally {
      requests.terminate();
      if (outer != null) {
        requests.activate(outer);
      }
    }
  }

  /** The claims {@link CurrentPrincipal} reads, rebuilt from a stored caller. */
  private static final class StoredCallerToken implements JsonWebToken {

    private final Map<String, Object> claims = new HashMap<>();

    StoredCallerToken(Caller caller) {
      put("sub", caller.subject());
      put("preferred_username", caller.username());
      put("name", caller.name());
      put("email", caller.email());
      put("azp", caller.clientId());
      if (caller.serviceAccount()) {
        put("client_id", caller.clientId());
      }
    }

    private void put(String claim, Object value) {
      if (value != null) {
        claims.put(claim, value);
      }
    }

    @Override
    public String getName() {
      return (String) claims.getOrDefault("preferred_username", claims.get("sub"));
    }

    @Override
    public Set<String> getClaimNames() {
      return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
      return (T) claims.get(claimName);
    }
  }
}
