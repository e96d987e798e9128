package dev.headlesscrm.platform.graphql;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.api.Problem;
import dev.headlesscrm.platform.api.ProblemClassifier;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.api.Problems;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

/**
 * Around every GraphQL operation and field resolver: classifies failures exactly as the REST mapper
 * does, and applies the caller's field permissions to the results.
 */
@GraphQlProblems
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class GraphQlProblemInterceptor {

  private static final Logger LOG = Logger.getLogger(GraphQlProblemInterceptor.class);

  @Inject ProblemClassifier classifier;
  @Inject CurrentVertxRequest request;
  @Inject dev.headlesscrm.platform.security.FieldPolicy fields;

  @AroundInvoke
  Object translate(InvocationContext invocation) throws Exception {
    try {
      // Fields hidden from the caller come back null (documented on the types), never an error.
      return fields.mask().nullify(invocation.proceed());
    } catch (GraphQlProblem alreadyTranslated) {
      throw alreadyTranslated;
    } catch (Exception failure) {
      Lang lang = Lang.fromAcceptLanguage(header("Accept-Language"));
      CrmException known = classifier.classify(failure);
      Problem problem;
      if (known == null) {
        problem = Problems.of(ProblemType.INTERNAL, null, "/graphql", lang);
        LOG.errorf(failure, "Unexpected failure, traceId=%s", problem.traceId());
      } else {
        problem = Problems.of(known, "/graphql", lang);
      }
      throw new GraphQlProblem(problem);
    }
  }

  private String header(String name) {
    var current = request.getCurrent();
    return current == null ? null : current.request().getHeader(name);
  }
}
