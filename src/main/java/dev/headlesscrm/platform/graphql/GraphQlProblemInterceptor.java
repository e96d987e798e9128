package dev.headlesscrm.platform.graphql;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Around every GraphQL operation and field resolver: classifies failures exactly as the REST mapper
 * does, and applies the caller's field permissions to the results.
 */
@GraphQlProblems
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class GraphQlProblemInterceptor {

  @Inject GraphQlFailures failures;
  @Inject dev.headlesscrm.platform.security.FieldPolicy fields;

  @AroundInvoke
  Object translate(InvocationContext invocation) throws Exception {
    try {
      // Fields hidden from the caller come back null (documented on the types), never an error.
      return fields.mask().nullify(invocation.proceed());
    } catch (Exception failure) {
      throw failures.translate(failure);
    }
  }
}
