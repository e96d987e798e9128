package dev.headlesscrm.platform.graphql;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.AfterExecute;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Refusals that happen before any resolver runs — a syntax error, a validation error (unknown
 * field, wrong argument type, a variable of the wrong type), a query over the depth or complexity
 * limit — carry {@code extensions.code} and {@code extensions.status} like every other GraphQL
 * error ({@code malformed}, 400). Errors of resolvers already do ({@link
 * GraphQlProblemInterceptor}).
 */
@ApplicationScoped
public class GraphQlRefusals {

  @Inject GraphQlFailures failures;

  void afterExecute(@Observes @AfterExecute Context context) {
    if (!(context instanceof SmallRyeContext smallRye)) {
      return;
    }
    ExecutionResult result = context.unwrap(ExecutionResult.class);
    if (result == null || result.getErrors().isEmpty()) {
      return;
    }
    List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
    boolean changed = false;
    for (GraphQLError error : result.getErrors()) {
      boolean coded = error.getExtensions() != null && error.getExtensions().containsKey("code");
      if (coded || error instanceof ExceptionWhileDataFetching) {
        errors.add(error);
      } else {
        errors.add(failures.refused(error));
        changed = true;
      }
    }
    if (changed) {
      smallRye.setExecutionResult(result.transform(b -> b.errors(errors)));
    }
  }
}
