package dev.headlesscrm.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, resolved to its CRM record at most once per request. */
@RequestScoped
public class CurrentPrincipal {

  private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

  @Inject SecurityIdentity identity;
  @Inject OrgCache cached;

  private Caller caller;
  private ResolvedPrincipal resolved;
  private boolean resolving;

  public boolean isAuthenticated() {
    return !identity.isAnonymous();
  }

  public Caller caller() {
    if (caller == null) {
      caller = fromToken();
    }
    return caller;
  }

  public ResolvedPrincipal resolve() {
    if (resolved == null) {
      resolving = true;
      try {
        resolved = cached.resolve(caller());
      } finally {
        resolving = false;
      }
    }
    return resolved;
  }

  /**
   * The actor for audit columns; null for anonymous work and for the record that the first sight of
   * a caller creates (it cannot name itself before it exists).
   */
  public UUID idOrNull() {
    return isAuthenticated() && !resolving ? resolve().id() : null;
  }

  /**
   * Keycloak joins given and family name Western style ("伟 张"); Chinese names read family name
   * first without a space (张伟).
   */
  static String displayName(JsonWebToken token) {
    String given = token.getClaim("given_name");
    String family = token.getClaim("family_name");
    if (given != null && family != null && (isCjk(given) || isCjk(family))) {
      return family + given;
    }
    return token.getClaim("name");
  }

  private static boolean isCjk(String s) {
    return s.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private Caller fromToken() {
    if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
      throw new IllegalStateException("Only bearer-token callers are supported");
    }
    String username = token.getClaim("preferred_username");
    String clientId = token.getClaim("azp");
    boolean serviceAccount =
        token.containsClaim("client_id")
            || (username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX));
    List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
    return new Caller(
        token.getSubject(),
        username,
        displayName(token),
        token.getClaim("email"),
        clientId,
        serviceAccount,
        roles);
  }
}
