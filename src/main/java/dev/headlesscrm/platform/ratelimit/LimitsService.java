package dev.headlesscrm.platform.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The caller's standing against the rate limits (GET /api/v1/me/limits, myLimits). */
@ApplicationScoped
public class LimitsService {

  @Inject SecurityIdentity identity;
  @Inject RateLimits limits;

  public LimitsView mine() {
    return new LimitsView(
        limits.enabled(),
        limits.window().toSeconds(),
        limits.standing(identity).stream()
            .map(s -> new LimitsView.Policy(s.name(), s.limit(), s.remaining(), s.resetsAt()))
            .toList());
  }
}
