package dev.headlesscrm.platform.graphql;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a {@code @GraphQLApi} class: every failure leaves it as a {@link GraphQlProblem}, so
 * GraphQL errors carry the same code, status and field errors as REST problems.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface GraphQlProblems {}
