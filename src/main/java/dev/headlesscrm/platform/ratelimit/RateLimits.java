package dev.headlesscrm.platform.ratelimit;

import dev.headlesscrm.platform.api.HttpProblemHandler;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.api.Problems;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.persistence.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Rate limits on every {@code /api} and {@code /graphql} call of an authenticated caller: points
 * per window per principal (the token's subject; the limit of the caller's most generous role) and
 * per OAuth client (every caller of one client together). A REST call costs 1 point; a GraphQL
 * request what {@code QueryCost.points} says (its size, not 1). Every answer carries the IETF
 * draft's {@code RateLimit-Policy} and {@code RateLimit} headers; a caller over a limit gets a 429
 * problem with {@code Retry-After} (seconds until the window ends), and nothing runs.
 *
 * <p>Counted after authentication and authorization (filter priority {@value #PRIORITY}, below
 * Quarkus' authorization at 100), so a request with a bad token counts against no one.
 */
@ApplicationScoped
public class RateLimits {

  /** Where GraphQL's pre-check leaves a request's cost in points. */
  public static final String COST = "crm.rate-limits.cost";

  static final int PRIORITY = 50;

  /** GET /api/v1/me/limits: never counted, never refused. */
  static final String STANDING_PATH = "/api/v1/me/limits";

  private static final Logger LOG = Logger.getLogger(RateLimits.class);

  @Inject RateLimitsConfig config;
  @Inject AgroalDataSource db;
  @Inject HttpProblemHandler problems;
  @Inject Sql sql;

  private volatile RateLimiter limiter;

  void register(@Observes Filters filters) {
    filters.register(this::handle, PRIORITY);
  }

  RateLimiter limiter() {
    RateLimiter l = limiter;
    if (l == null) {
      synchronized (this) {
        if (limiter == null) {
          limiter = new RateLimiter(db, config.window(), config.blockShare(), Clock::now);
        }
        l = limiter;
      }
    }
    return l;
  }

  /** The caller's policies: per principal, and per client when the token names one. */
  public List<RateLimiter.Policy> policies(SecurityIdentity identity) {
    List<RateLimiter.Policy> out = new ArrayList<>();
    String subject = identity.getPrincipal().getName();
    String client = null;
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      subject = token.getSubject() == null ? subject : token.getSubject();
      client = token.getClaim("azp");
    }
    int limit = config.defaultLimit();
    boolean named = false;
    for (String role : identity.getRoles()) {
      Integer roleLimit = config.roles().get(role);
      if (roleLimit != null) {
        limit = named ? Math.max(limit, roleLimit) : roleLimit;
        named = true;
      }
    }
    out.add(new RateLimiter.Policy("principal", "p:" + subject, limit));
    if (client != null) {
      out.add(
          new RateLimiter.Policy(
              "client",
              "c:" + client,
              config.clients().getOrDefault(client, config.clientLimit())));
    }
    return out;
  }

  /** Where the caller stands, spending nothing (GET /me/limits). */
  public List<RateLimiter.Standing> standing(SecurityIdentity identity) {
    return config.enabled() ? limiter().standing(policies(identity)) : List.of();
  }

  public Duration window() {
    return config.window();
  }

  public boolean enabled() {
    return config.enabled();
  }

  private void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (!config.enabled() || !(path.startsWith("/api/") || path.startsWith("/graphql"))) {
      ctx.next();
      return;
    }
    if (path.startsWith("/graphql/schema")
        || "OPTIONS".equals(ctx.request().method().name())
        || !(ctx.user() instanceof QuarkusHttpUser user)
        || user.getSecurityIdentity().isAnonymous()) {
      ctx.next();
      return;
    }
    List<RateLimiter.Policy> policies = policies(user.getSecurityIdentity());
    if (path.equals(STANDING_PATH)) {
      // Where the caller stands is readable even over a limit, and costs nothing.
      decide(ctx, new RateLimiter.Decision(true, limiter().standing(policies), null));
      return;
    }
    Integer graphQlCost = ctx.get(COST);
    int cost = graphQlCost == null ? 1 : graphQlCost;
    RateLimiter.Decision local = limiter().tryLocally(policies, cost);
    if (local != null) {
      decide(ctx, local);
      return;
    }
    ctx.vertx()
        .<RateLimiter.Decision>executeBlocking(() -> limiter().charge(policies, cost), false)
        .onComplete(
            done -> {
              if (done.succeeded()) {
                decide(ctx, done.result());
              } else {
                // The shared count is unreachable: the request goes on (the database being down
                // is answered where it is needed), rather than every caller being refused.
                LOG.debug("Rate limit counts unavailable", done.cause());
                ctx.next();
              }
            });
  }

  private void decide(RoutingContext ctx, RateLimiter.Decision decision) {
    Instant now = Clock.now();
    ctx.response().putHeader("RateLimit-Policy", policyHeader(decision.standings()));
    ctx.response().putHeader("RateLimit", remainingHeader(decision.standings(), now));
    if (decision.allowed()) {
      ctx.next();
      return;
    }
    long retryAfter = Math.max(1, seconds(now, decision.retryAt()));
    ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
    problems.send(
        ctx,
        Problems.of(
            ProblemType.RATE_LIMITED,
            Text.of(
                "Rate limit reached ("
                    + exhausted(decision.standings())
                    + "); retry after "
                    + retryAfter
                    + " s. GET /api/v1/me/limits says where you stand.",
                "请求次数已达上限（"
                    + exhausted(decision.standings())
                    + "），请在 "
                    + retryAfter
                    + " 秒后重试。GET /api/v1/me/limits 可查看当前额度。"),
            ctx.request().path(),
            HttpProblemHandler.lang(ctx)));
  }

  private String policyHeader(List<RateLimiter.Standing> standings) {
    long window = config.window().toSeconds();
    return standings.stream()
        .map(s -> "\"" + s.name() + "\";q=" + s.limit() + ";w=" + window)
        .collect(Collectors.joining(", "));
  }

  private static String remainingHeader(List<RateLimiter.Standing> standings, Instant now) {
    return standings.stream()
        .map(s -> "\"" + s.name() + "\";r=" + s.remaining() + ";t=" + seconds(now, s.resetsAt()))
        .collect(Collectors.joining(", "));
  }

  private static String exhausted(List<RateLimiter.Standing> standings) {
    return standings.stream()
        .filter(s -> s.remaining() == 0)
        .map(s -> s.name() + " " + s.limit())
        .collect(Collectors.joining(", "));
  }

  static long seconds(Instant now, Instant later) {
    long millis = Duration.between(now, later).toMillis();
    return Math.max(0, (millis + 999) / 1000);
  }

  @Scheduled(
      identity = "crm-rate-limits-purge",
      every = "5m",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void purge() {
    if (!config.enabled()) {
      return;
    }
    limiter().forgetOld();
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  sql.update(
                      "DELETE FROM rate_limit_counts WHERE window_start < ?",
                      Clock.now().minus(config.window().multipliedBy(2))));
    } catch (RuntimeException e) {
      LOG.debug("Purging old rate limit counts failed; the next run retries", e);
    }
  }
}
