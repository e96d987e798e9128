package dev.headlesscrm.platform.graphql;

import dev.headlesscrm.platform.api.Problem;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure as GraphQL reports it: the message is the problem's detail, and {@code extensions} hold
 * {@code code} (the last segment of the REST problem type), {@code status}, {@code traceId} and,
 * for validation, {@code errors}.
 */
public class GraphQlProblem extends RuntimeException implements GraphQLError {

  private final transient Map<String, Object> extensions;
  private final transient List<SourceLocation> locations;

  GraphQlProblem(Problem problem) {
    this(problem, null);
  }

  /** A refusal of the whole request (syntax, validation, depth, complexity), where it points. */
  GraphQlProblem(Problem problem, List<SourceLocation> locations) {
    super(problem.detail() != null ? problem.detail() : problem.title(), null, false, false);
    // JSON-P values keep their JSON types (SmallRye GraphQL renders other objects as strings).
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put(
        "code", Json.createValue(problem.type().substring(problem.type().lastIndexOf('/') + 1)));
    ext.put("status", Json.createValue(problem.status()));
    ext.put("traceId", Json.createValue(problem.traceId()));
    if (problem.errors() != null) {
      JsonArrayBuilder errors = Json.createArrayBuilder();
      problem
          .errors()
          .forEach(
              e ->
                  errors.add(
                      Json.createObjectBuilder()
                          .add("field", e.field())
                          .add("code", e.code())
                          .add("message", e.message())));
      ext.put("errors", errors.build());
    }
    this.extensions = ext;
    this.locations = locations == null || locations.isEmpty() ? null : List.copyOf(locations);
  }

  @Override
  public List<SourceLocation> getLocations() {
    return locations;
  }

  @Override
  public ErrorClassification getErrorType() {
    return ErrorType.DataFetchingException;
  }

  @Override
  public Map<String, Object> getExtensions() {
    return extensions;
  }
}
