package dev.headlesscrm.platform.ratelimit.api;

import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.ratelimit.LimitsService;
import dev.headlesscrm.platform.ratelimit.LimitsView;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/** The caller's rate limits over GraphQL (as GET /api/v1/me/limits). */
@GraphQLApi
@GraphQlProblems
public class LimitsGraphQlApi {

  @Inject LimitsService limits;

  @Query("myLimits")
  @Description("Where the caller stands against the rate limits (as GET /api/v1/me/limits)")
  public LimitsView myLimits() {
    return limits.mine();
  }
}
