package dev.headlesscrm.platform.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads plain property values of SmallRye's object types without SmallRye's field fetcher.
 *
 * <p>Why: SmallRye's fetcher fills its request context for every field of every object, and that
 * rebuilds the selection set below the field each time. On a page of 50 customers with contacts and
 * owners, that was about a third of everything the request allocated, and the collections it forced
 * took a quarter of the time under load (issue 11, GraphQL cost per object).
 *
 * <p>What is plain: a value the schema's own scalar or type renders exactly as SmallRye would —
 * null, a string, a UUID, a boolean, an integer, a decimal, or a record (an object the engine walks
 * field by field). Anything else (a date SmallRye formats, a JSON value it adapts to a string, a
 * map it turns into entries, a list it converts) goes to SmallRye's fetcher, unchanged. A property
 * the class does not expose under the field's name (a renamed field) does too.
 */
final class PlainFields {

  private PlainFields() {}

  /**
   * Puts a plain-value fetcher before every SmallRye field fetcher of the schema's object types.
   */
  static void install(GraphQLSchema schema, GraphQLCodeRegistry.Builder code) {
    for (GraphQLNamedType type : schema.getAllTypesAsList()) {
      if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")) {
        continue;
      }
      for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
        FieldCoordinates at = FieldCoordinates.coordinates(object, field);
        DataFetcher<?> current = code.getDataFetcher(at, field);
        if (current instanceof FieldDataFetcher<?> smallRye && field.getArguments().isEmpty()) {
          boolean objectType =
              GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType
                  && !GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()));
          code.dataFetcher(at, new Plain(field.getName(), objectType, smallRye));
        }
      }
    }
  }

  /** One field: the property's value when it is plain, else what SmallRye's fetcher gives. */
  record Plain(String name, boolean objectType, DataFetcher<?> smallRye)
      implements graphql.TrivialDataFetcher<Object> {

    @Override
    public Object get(DataFetchingEnvironment env) throws Exception {
      Object source = env.getSource();
      Method getter = source == null ? null : Getters.of(source.getClass(), name);
      if (getter == null) {
        return smallRye.get(env);
      }
      Object value = getter.invoke(source);
      if (value == null || (objectType ? value instanceof Record : scalar(value))) {
        return value;
      }
      return smallRye.get(env);
    }

    private static boolean scalar(Object value) {
      return value instanceof String
          || value instanceof UUID
          || value instanceof Boolean
          || value instanceof Integer
          || value instanceof Long
          || value instanceof BigDecimal;
    }
  }

  /** Public no-argument accessors by class and field name: {@code name()}, {@code getName()}. */
  static final class Getters {
    private static final ClassValue<Map<String, Optional<Method>>> BY_CLASS =
        new ClassValue<>() {
          @Override
          protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
          }
        };

    private Getters() {}

    static Method of(Class<?> type, String name) {
      return BY_CLASS.get(type).computeIfAbsent(name, n -> find(type, n)).orElse(null);
    }

    private static Optional<Method> find(Class<?> type, String name) {
      String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      for (String candidate : new String[] {name, "get" + capital, "is" + capital}) {
        try {
          Method method = type.getMethod(candidate);
          if (method.getReturnType() != void.class
              && !Modifier.isStatic(method.getModifiers())
              && Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            return Optional.of(method);
          }
        } catch (NoSuchMethodException e) {
          // try the next form
        }
      }
      return Optional.empty();
    }
  }
}
