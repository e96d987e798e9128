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

/** Classifies failures of GraphQL operations exactly as the REST mapper does. */
@GraphQlProblems
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class GraphQlProblemInterceptor {

  private static final Logger LOG = Logger.getLogger(GraphQlProblemInterceptor.class);

  @Inject ProblemClassifier classifier;
  @Inject CurrentVertxRequest request;

  @AroundInvoke
  Object translate(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
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
