package dev.headlesscrm.platform.graphql;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.api.Problem;
import dev.headlesscrm.platform.api.ProblemClassifier;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.api.Problems;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * A failure of a GraphQL operation as the client sees it: classified exactly as the REST mapper
 * does, in the caller's language; unknown failures are logged with their trace id and never shown.
 */
@ApplicationScoped
public class GraphQlFailures {

  private static final Logger LOG = Logger.getLogger(GraphQlFailures.class);

  @Inject ProblemClassifier classifier;
  @Inject CurrentVertxRequest request;

  public GraphQlProblem translate(Exception failure) {
    if (failure instanceof GraphQlProblem already) {
      return already;
    }
    Lang lang = Lang.fromAcceptLanguage(header("Accept-Language"));
    CrmException known = classifier.classify(failure);
    Problem problem;
    if (known == null) {
      problem = Problems.of(ProblemType.INTERNAL, null, "/graphql", lang);
      LOG.errorf(failure, "Unexpected failure, traceId=%s", problem.traceId());
    } else {
      problem = Problems.of(known, "/graphql", lang);
    }
    return new GraphQlProblem(problem);
  }

  /**
   * A request graphql-java refused before running it (syntax, validation, depth, complexity): a
   * malformed request (400), its message kept as the detail.
   */
  public GraphQlProblem refused(graphql.GraphQLError error) {
    return refused(error, Lang.fromAcceptLanguage(header("Accept-Language")));
  }

  /** As {@link #refused(graphql.GraphQLError)}, outside a request context. */
  public GraphQlProblem refused(graphql.GraphQLError error, Lang lang) {
    Problem problem =
        Problems.of(
            CrmException.malformed(dev.headlesscrm.platform.api.Text.same(error.getMessage())),
            "/graphql",
            lang);
    return new GraphQlProblem(problem, error.getLocations());
  }

  private String header(String name) {
    var current = request.getCurrent();
    return current == null ? null : current.request().getHeader(name);
  }
}
