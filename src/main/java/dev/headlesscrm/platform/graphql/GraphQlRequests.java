package dev.headlesscrm.platform.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.HttpProblemHandler;
import dev.headlesscrm.platform.api.ProblemClassifier;
import dev.headlesscrm.platform.api.Problems;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * POST /graphql bodies, checked before SmallRye GraphQL reads them, for what it lets through or
 * answers without an error code: a body naming a key twice (SmallRye's JSON-P parser keeps the last
 * value silently) is a 400 problem naming the key, like a REST body; a query that does not parse
 * gets {@code extensions.code} and {@code status} like every other GraphQL error (SmallRye answers
 * it outside its execution events, where {@link GraphQlRefusals} cannot reach); an empty body is a
 * 400 problem (SmallRye answers it in plain text).
 */
@ApplicationScoped
public class GraphQlRequests {

  @Inject ObjectMapper json;
  @Inject ProblemClassifier classifier;
  @Inject HttpProblemHandler problems;
  @Inject GraphQlFailures failures;

  @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "/graphql")
  String root;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
  MemorySize maxBody;

  void register(@Observes Router router) {
    // Reads the body as Quarkus' own body handler would (that one then sees it read and passes).
    BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBody.asLongValue());
    for (String path : new String[] {root, root + "/"}) {
      router.post(path).order(Integer.MIN_VALUE + 4).handler(body).handler(this::check);
    }
  }

  /** Queries this long or shorter are kept parsed: clients send the same few queries again. */
  static final int CACHED_QUERY_CHARS = 8 * 1024;

  static final int CACHED_QUERIES = 512;

  /** Parsed queries by text (graphql-java documents are immutable); bounded by starting afresh. */
  private final java.util.Map<String, graphql.language.Document> documents =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The query's document; only a query that parses is kept. */
  graphql.language.Document parsed(String query) {
    if (query.length() > CACHED_QUERY_CHARS) {
      return Parser.parse(query);
    }
    graphql.language.Document held = documents.get(query);
    if (held == null) {
      held = Parser.parse(query);
      if (documents.size() >= CACHED_QUERIES) {
        documents.clear();
      }
      documents.put(query, held);
    }
    return held;
  }

  private void check(RoutingContext ctx) {
    var buffer = ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      // SmallRye answers a plain-text 400 ("Missing operation body"): make it a problem
      problems.send(
          ctx,
          Problems.of(
              CrmException.malformed(
                  dev.headlesscrm.platform.api.Text.of(
                      "The request needs a JSON body with a query.", "请求需要一个包含 query 的 JSON 请求体。")),
              ctx.request().path(),
              HttpProblemHandler.lang(ctx)));
      return;
    }
    JsonNode request;
    try {
      request = json.readTree(buffer.getBytes());
    } catch (java.io.IOException e) {
      CrmException known = classifier.classify(e);
      boolean duplicate =
          known != null
              && !known.violations().isEmpty()
              && "duplicate-key".equals(known.violations().get(0).code());
      if (duplicate) {
        problems.send(ctx, Problems.of(known, ctx.request().path(), HttpProblemHandler.lang(ctx)));
      } else {
        ctx.next(); // not JSON: SmallRye answers as it does
      }
      return;
    }
    JsonNode query = request == null ? null : request.get("query");
    if (query != null && query.isTextual()) {
      graphql.language.Document document;
      try {
        document = parsed(query.textValue());
      } catch (InvalidSyntaxException e) {
        refuse(ctx, failures.refused(e.toInvalidSyntaxError(), HttpProblemHandler.lang(ctx)));
        return;
      }
      String tooCostly = QueryCost.refusal(document, request.get("variables"));
      if (tooCostly != null) {
        refuse(
            ctx,
            failures.refused(
                graphql.GraphqlErrorBuilder.newError()
                    .message(tooCostly)
                    .errorType(graphql.ErrorType.ValidationError)
                    .build(),
                HttpProblemHandler.lang(ctx)));
        return;
      }
      ctx.put(
          dev.headlesscrm.platform.ratelimit.RateLimits.COST,
          QueryCost.points(document, request.get("variables")));
    }
    ctx.next();
  }

  /** Answers as GraphQL answers an error: 200 with {@code errors}, extensions as JSON values. */
  private void refuse(RoutingContext ctx, GraphQlProblem problem) {
    ObjectNode body = json.createObjectNode();
    ArrayNode errors = body.putArray("errors");
    ObjectNode error = errors.addObject().put("message", problem.getMessage());
    if (problem.getLocations() != null) {
      ArrayNode locations = error.putArray("locations");
      for (SourceLocation l : problem.getLocations()) {
        locations.addObject().put("line", l.getLine()).put("column", l.getColumn());
      }
    }
    ObjectNode extensions = error.putObject("extensions");
    try {
      for (Map.Entry<String, Object> e : problem.getExtensions().entrySet()) {
        extensions.set(e.getKey(), json.readTree(e.getValue().toString()));
      }
      ctx.response()
          .setStatusCode(200)
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(json.writeValueAsString(body));
    } catch (JsonProcessingException impossible) {
      ctx.next();
    }
  }
}
