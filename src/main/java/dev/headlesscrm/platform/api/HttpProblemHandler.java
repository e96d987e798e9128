package dev.headlesscrm.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationRedirectException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Errors raised below JAX-RS and GraphQL — authentication failures on /api and /graphql, bodies
 * over the size limit — get the same problem+json body as everything else.
 */
@ApplicationScoped
public class HttpProblemHandler {

  private static final Logger LOG = Logger.getLogger(HttpProblemHandler.class);

  @Inject ProblemClassifier classifier;
  @Inject ObjectMapper json;

  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "quarkus.http.limits.max-body-size",
      defaultValue = "10M")
  io.quarkus.runtime.configuration.MemorySize maxBody;

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    // Ahead of the body handler, which answers a declared length over the limit with a bare 413.
    router.route().order(Integer.MIN_VALUE + 1).handler(this::refuseLargeBodies);
    // Ahead of Quarkus' authentication: a protected call with no bearer token at all would
    // otherwise get a bare 401 challenge without a body.
    router.route().order(Integer.MIN_VALUE + 2).handler(this::requireBearer);
  }

  private void refuseLargeBodies(RoutingContext ctx) {
    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long declared;
    try {
      declared = length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException malformed) {
      declared = -1; // the HTTP layer refuses it as it is
    }
    if (declared > maxBody.asLongValue()) {
      // The body is read and dropped as it comes (never buffered), so the client, still sending,
      // reads the problem instead of a reset connection.
      ctx.request().handler(dropped -> {});
      ctx.request().resume();
      send(ctx, Problems.of(ProblemType.PAYLOAD_TOO_LARGE, null, ctx.request().path(), lang(ctx)));
    } else {
      ctx.next();
    }
  }

  private static Lang lang(RoutingContext ctx) {
    return Lang.fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  private void requireBearer(RoutingContext ctx) {
    String path = ctx.request().path();
    boolean isProtected =
        path.startsWith("/api/") || path.equals("/graphql") || path.equals("/graphql/");
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    boolean hasBearer =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    if (isProtected && !hasBearer) {
      ctx.fail(new io.quarkus.security.UnauthorizedException());
    } else {
      ctx.next();
    }
  }

  private void handle(RoutingContext ctx) {
    if (ctx.response().headWritten() || ctx.failure() instanceof AuthenticationRedirectException) {
      ctx.next();
      return;
    }
    Throwable failure = ctx.failure();
    Lang lang = lang(ctx);
    String instance = ctx.request().path();
    CrmException known =
        failure instanceof AuthenticationCompletionException
            ? null
            : failure == null ? null : classifier.classify(failure);
    Problem problem;
    if (known != null) {
      problem = Problems.of(known, instance, lang);
    } else if (failure instanceof AuthenticationCompletionException) {
      problem = Problems.of(ProblemType.UNAUTHORIZED, null, instance, lang);
    } else if (failure == null && ctx.statusCode() > 0) {
      problem = Problems.of(ProblemType.forStatus(ctx.statusCode()), null, instance, lang);
    } else {
      problem = Problems.of(ProblemType.INTERNAL, null, instance, lang);
      LOG.errorf(failure, "Unexpected failure, traceId=%s", problem.traceId());
    }
    send(ctx, problem);
  }

  private void send(RoutingContext ctx, Problem problem) {
    try {
      var response = ctx.response().setStatusCode(problem.status());
      response.putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE);
      if (problem.status() == 401) {
        response.putHeader("WWW-Authenticate", "Bearer");
      }
      response.end(json.writeValueAsString(problem));
    } catch (JsonProcessingException impossible) {
      ctx.next();
    }
  }
}
