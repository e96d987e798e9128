package dev.headlesscrm.platform.ratelimit.api;

import dev.headlesscrm.platform.ratelimit.LimitsService;
import dev.headlesscrm.platform.ratelimit.LimitsView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's rate limits. */
@Path("/api/v1/me/limits")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
public class MyLimitsResource {

  @Inject LimitsService limits;

  @GET
  @Operation(
      operationId = "getMyLimits",
      summary = "Where the caller stands against the rate limits",
      description =
          "Each limit (per principal, per OAuth client) with its points per window, the points"
              + " left and when the window ends. This call costs 1 point like any other; over a"
              + " limit, every call is a 429 problem with Retry-After until the window ends.")
  public LimitsView mine() {
    return limits.mine();
  }
}
