package dev.headlesscrm.platform.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Records each bearer token the OIDC provider verified, with the identity it proved, for {@link
 * VerifiedTokenProvider}. Runs after authentication, before every other augmentor (whose additions
 * are then computed again per request, as without the cache).
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

  @Inject VerifiedTokens tokens;

  @Override
  public int priority() {
    return Integer.MAX_VALUE;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
      TokenCredential credential = identity.getCredential(TokenCredential.class);
      long exp = jwt.getExpirationTime();
      if (credential != null
          && exp > 0
          && credential.getToken().equals(jwt.getRawToken())
          && !tokens.holds(credential.getToken())) {
        tokens.remember(
            credential.getToken(),
            VerifiedTokenProvider.forCache(identity),
            Instant.ofEpochSecond(exp));
      }
    }
    return Uni.createFrom().item(identity);
  }
}
