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
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Errors raised below JAX-RS and GraphQL — authentication failures on /api and /graphql, bodies
 * over the size limit, request lines and headers over theirs — get the same problem+json body as
 * everything else.
 *
 * <p>URL and header limits come in two tiers, because Vert.x answers a request its HTTP decoder
 * cannot take (over {@code quarkus.http.limits.max-initial-line-length} or {@code max-header-size})
 * with a bare 414 or 431 before any handler of ours runs, and Quarkus offers no hook there. So the
 * decoder's limits are set well above {@code crm.http.max-initial-line-length} and {@code
 * crm.http.max-header-size}, which are enforced here with problems; only a request beyond the
 * decoder's hard limits gets the bare answer.
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

  /** The longest request line (method, URL with query, version) answered with a 414 problem. */
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "crm.http.max-initial-line-length",
      defaultValue = "49152")
  int maxLine;

  /** The most header bytes (names, values, separators) answered with a 431 problem. */
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "crm.http.max-header-size",
      defaultValue = "32K")
  io.quarkus.runtime.configuration.MemorySize maxHeaders;

  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "quarkus.http.cors.enabled",
      defaultValue = "false")
  boolean cors;

  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.cors.origins")
  java.util.Optional<java.util.List<String>> corsOrigins;

  private List<java.util.regex.Pattern> corsPatterns = List.of();

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    // Ahead of the body handler, which answers a declared length over the limit with a bare 413.
    router.route().order(Integer.MIN_VALUE + 1).handler(this::refuseLargeRequests);
    // Ahead of Quarkus' authentication: a protected call with no bearer token at all would
    // otherwise get a bare 401 challenge without a body.
    router.route().order(Integer.MIN_VALUE + 2).handler(this::requireBearer);
    if (cors) {
      // Ahead of Quarkus' CORS filter, which refuses another origin with a bare 403.
      corsPatterns =
          io.quarkus.vertx.http.runtime.cors.CORSFilter.parseAllowedOriginsRegex(corsOrigins);
      router.route().order(Integer.MIN_VALUE + 3).handler(this::refuseOtherOrigins);
    }
  }

  /**
   * A request from a browser origin that quarkus.http.cors.origins does not list (exactly, or by a
   * /regex/) and that is not the service's own origin: the 403 the CORS filter would give, as a
   * problem. Listed origins go on to the CORS filter, which grants them.
   */
  private void refuseOtherOrigins(RoutingContext ctx) {
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    List<String> listed = corsOrigins.orElse(List.of());
    boolean allowed =
        origin == null
            || listed.contains(origin)
            || listed.contains("*")
            || io.quarkus.vertx.http.runtime.cors.CORSFilter.isOriginAllowedByRegex(
                io.quarkus.vertx.http.runtime.cors.CORSFilter.parseAllowedOriginsRegex(corsOrigins),
                origin)
            || origin.equalsIgnoreCase(ctx.request().scheme() + "://" + ctx.request().host());
    if (allowed) {
      ctx.next();
      return;
    }
    refuse(
        ctx,
        ProblemType.FORBIDDEN,
        Text.of(
            "Requests from the origin " + origin + " are not allowed (CORS).",
            "不允许来自 " + origin + " 的跨域请求（CORS）。"));
  }

  private void refuseLargeRequests(RoutingContext ctx) {
    var request = ctx.request();
    int line = request.method().name().length() + request.uri().length() + 10; // 2 SP, HTTP/1.1
    if (line > maxLine) {
      refuse(
          ctx,
          ProblemType.URI_TOO_LONG,
          Text.of(
              "The request line is "
                  + line
                  + " bytes, over the limit of "
                  + maxLine
                  + "; send long filters in the body of POST .../search.",
              "请求行长 " + line + " 字节，超过上限 " + maxLine + "；较长的过滤条件请放在 POST .../search 的请求体中发送。"));
      return;
    }
    long headers = 0;
    for (var header : request.headers()) {
      headers += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
    }
    if (headers > maxHeaders.asLongValue()) {
      refuse(
          ctx,
          ProblemType.HEADERS_TOO_LARGE,
          Text.of(
              "The request headers are "
                  + headers
                  + " bytes, over the limit of "
                  + maxHeaders.asLongValue()
                  + ".",
              "请求头共 " + headers + " 字节，超过上限 " + maxHeaders.asLongValue() + "。"));
      return;
    }
    refuseLargeBodies(ctx);
  }

  /** Answers with the problem, reading and dropping whatever body is still coming. */
  private void refuse(RoutingContext ctx, ProblemType type, Text detail) {
    ctx.request().handler(dropped -> {});
    ctx.request().resume();
    send(ctx, Problems.of(type, detail, ctx.request().path(), lang(ctx)));
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
      refuse(ctx, ProblemType.PAYLOAD_TOO_LARGE, null);
    } else {
      ctx.next();
    }
  }

  public static Lang lang(RoutingContext ctx) {
    return Lang.fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  private void requireBearer(RoutingContext ctx) {
    String path = ctx.request().path();
    // OPTIONS carries no data: a browser's CORS preflight never has a token (quarkus.http.cors
    // answers it when CORS is on; the auth permission "preflight" lets it through otherwise).
    boolean isProtected =
        (path.startsWith("/api/") || path.equals("/graphql") || path.equals("/graphql/"))
            && ctx.request().method() != io.vertx.core.http.HttpMethod.OPTIONS;
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

  /** Ends the exchange with the problem as its body (for refusals made on the Vert.x level). */
  public void send(RoutingContext ctx, Problem problem) {
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
