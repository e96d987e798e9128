package dev.headlesscrm.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Answers a bearer token this pod verified before ({@link VerifiedTokens}) with the identity it
 * proved, ahead of the OIDC provider; any other token gets no answer here, and the OIDC provider
 * verifies it in full. The identity is rebuilt for this request: the cached one's principal, roles
 * and attributes, with this request's credential and HTTP context, never a previous request's.
 */
@ApplicationScoped
public class VerifiedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

  /** The attribute under which Quarkus keeps the request's Vert.x routing context. */
  static final String ROUTING_CONTEXT = "io.vertx.ext.web.RoutingContext";

  @Inject VerifiedTokens tokens;

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  /** Ahead of every provider (higher runs first; a provider's default is 1001, OIDC's too). */
  @Override
  public int priority() {
    return 2000;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    return tokens
        .find(request.getToken().getToken())
        .map(cached -> Uni.createFrom().item(rebuild(cached, request)))
        .orElseGet(() -> Uni.createFrom().nullItem());
  }

  private static SecurityIdentity rebuild(
      SecurityIdentity cached, TokenAuthenticationRequest request) {
    QuarkusSecurityIdentity.Builder b = copy(cached).addCredential(request.getToken());
    Object routing = request.getAttribute(ROUTING_CONTEXT);
    if (routing != null) {
      b.addAttribute(ROUTING_CONTEXT, routing);
    }
    return b.build();
  }

  /**
   * What a verified identity is worth keeping: principal, roles and attributes, without the request
   * it came with (its HTTP context, its credential object), which the cache must not hold.
   */
  static SecurityIdentity forCache(SecurityIdentity verified) {
    return copy(verified).build();
  }

  private static QuarkusSecurityIdentity.Builder copy(SecurityIdentity identity) {
    QuarkusSecurityIdentity.Builder b =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(identity.getPrincipal())
            .addRoles(identity.getRoles());
    for (Map.Entry<String, Object> a : identity.getAttributes().entrySet()) {
      if (!a.getKey().equals(ROUTING_CONTEXT)) {
        b.addAttribute(a.getKey(), a.getValue());
      }
    }
    return b;
  }
}
