package dev.headlesscrm.platform.ratelimit;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the caller stands against each rate limit. */
@Type("RateLimits")
@Schema(
    name = "RateLimits",
    description =
        "The caller's rate limits in the current window: per principal and per OAuth client. A REST"
            + " call costs 1 point, a GraphQL request 1 plus 1 per 100 cells (rows × fields) it"
            + " asks for. Every /api and /graphql answer says the same in its RateLimit and"
            + " RateLimit-Policy headers.")
public record LimitsView(
    @Schema(description = "Whether limits are enforced at all") boolean enabled,
    @Schema(description = "The window's length in seconds", examples = "60") long windowSeconds,
    List<Policy> policies) {

  /** One limit. */
  @Type("RateLimitPolicy")
  @Schema(name = "RateLimitPolicy")
  public record Policy(
      @Schema(description = "principal or client", examples = "principal") String name,
      @Schema(description = "Points per window", examples = "1200") int limit,
      @Schema(description = "Points left in this window", examples = "1187") int remaining,
      @Schema(description = "When the window ends and the points are back") Instant resetsAt) {}
}
