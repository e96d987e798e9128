package dev.headlesscrm.platform.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeReference;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * GraphQL types built from a resource's view and input records when no hand-written operation has
 * made SmallRye add them, named and shaped as SmallRye would (UUIDs as {@code String}, the {@code
 * id} and {@code @Id} as {@code ID}, {@code long} as {@code BigInteger}, dates as {@code
 * Date}/{@code DateTime}, maps as {@code Entry_String_String} lists, enums by their constants,
 * nested records as their own types), so a resource needs no GraphQL code at all.
 */
final class DerivedTypes {

  private final GraphQLSchema current;
  private final GraphQLCodeRegistry.Builder code;
  private final Map<String, GraphQLNamedType> added = new LinkedHashMap<>();

  DerivedTypes(GraphQLSchema current, GraphQLCodeRegistry.Builder code) {
    this.current = current;
    this.code = code;
  }

  /** The types this built, to add to the schema. */
  List<GraphQLNamedType> added() {
    return new ArrayList<>(added.values());
  }

  boolean has(String name) {
    return current.getType(name) != null || added.containsKey(name);
  }

  /** The object type of that name, SmallRye's or built here, or null. */
  GraphQLObjectType object(String name) {
    Object type = added.containsKey(name) ? added.get(name) : current.getType(name);
    return type instanceof GraphQLObjectType object ? object : null;
  }

  void add(GraphQLNamedType type) {
    added.put(type.getName(), type);
  }

  /** The output type of a record class, built when the schema lacks it. */
  String output(Class<?> record) {
    String name = DerivedOperations.typeName(record);
    if (has(name)) {
      return name;
    }
    GraphQLObjectType.Builder type = GraphQLObjectType.newObject().name(name);
    type.description(description(record));
    added.put(name, GraphQLTypeReference.typeRef(name)); // a placeholder against recursion
    for (RecordComponent component : record.getRecordComponents()) {
      if (ignored(component)) {
        continue;
      }
      GraphQLOutputType fieldType = outputType(component.getGenericType(), component);
      type.field(
          GraphQLFieldDefinition.newFieldDefinition()
              .name(component.getName())
              .description(description(component))
              .type(fieldType));
      if (Map.class.isAssignableFrom(component.getType())) {
        code.dataFetcher(
            FieldCoordinates.coordinates(name, component.getName()), entries(component));
      }
    }
    added.put(name, type.build());
    return name;
  }

  /** The input type of a record class, built when the schema lacks it. */
  String input(Class<?> record) {
    String name = DerivedOperations.inputName(record);
    if (has(name)) {
      return name;
    }
    GraphQLInputObjectType.Builder type = GraphQLInputObjectType.newInputObject().name(name);
    type.description(description(record));
    added.put(name, GraphQLTypeReference.typeRef(name));
    for (RecordComponent component : record.getRecordComponents()) {
      if (ignored(component)) {
        continue;
      }
      GraphQLInputType fieldType = inputType(component.getGenericType(), component);
      if (required(component)) {
        fieldType = GraphQLNonNull.nonNull(fieldType);
      }
      GraphQLInputObjectField.Builder field =
          GraphQLInputObjectField.newInputObjectField()
              .name(component.getName())
              .description(description(component))
              .type(fieldType);
      constraints(component).forEach(field::withAppliedDirective);
      type.field(field);
    }
    added.put(name, type.build());
    return name;
  }

  private GraphQLOutputType outputType(Type type, AnnotatedElement where) {
    Class<?> raw = raw(type);
    if (raw.isPrimitive()) {
      return GraphQLNonNull.nonNull(scalar(raw, where));
    }
    if (List.class.isAssignableFrom(raw)) {
      return GraphQLList.list(outputType(argument(type, 0), null));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return GraphQLList.list(entry(false));
    }
    if (raw.isEnum()) {
      return enumType(raw);
    }
    if (raw.isRecord()) {
      return GraphQLTypeReference.typeRef(output(raw));
    }
    return scalar(raw, where);
  }

  private GraphQLInputType inputType(Type type, AnnotatedElement where) {
    Class<?> raw = raw(type);
    if (List.class.isAssignableFrom(raw)) {
      return GraphQLList.list(inputType(argument(type, 0), null));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return GraphQLList.list(entry(true));
    }
    if (raw.isEnum()) {
      return enumType(raw);
    }
    if (raw.isRecord()) {
      return GraphQLTypeReference.typeRef(input(raw));
    }
    return scalar(raw, where);
  }

  private GraphQLTypeReference scalar(Class<?> type, AnnotatedElement where) {
    String name;
    if (where instanceof RecordComponent c
        && (annotation(c, Id.class) != null || c.getName().equals("id"))) {
      name = "ID";
    } else if (type == String.class || type == UUID.class) {
      name = "String";
    } else if (type == int.class || type == Integer.class) {
      name = "Int";
    } else if (type == long.class || type == Long.class) {
      name = "BigInteger";
    } else if (type == boolean.class || type == Boolean.class) {
      name = "Boolean";
    } else if (type == double.class || type == Double.class) {
      name = "Float";
    } else if (type == BigDecimal.class) {
      name = "BigDecimal";
    } else if (type == LocalDate.class) {
      name = "Date";
    } else if (type == Instant.class || type == OffsetDateTime.class) {
      name = "DateTime";
    } else {
      throw new IllegalStateException(
          "no GraphQL scalar for " + type.getName() + ": give the resource a hand-written type");
    }
    return GraphQLTypeReference.typeRef(name);
  }

  private GraphQLTypeReference enumType(Class<?> type) {
    String name = DerivedOperations.typeName(type);
    if (!has(name)) {
      GraphQLEnumType.Builder values = GraphQLEnumType.newEnum().name(name);
      for (Object constant : type.getEnumConstants()) {
        values.value(((Enum<?>) constant).name(), constant);
      }
      added.put(name, values.build());
    }
    return GraphQLTypeReference.typeRef(name);
  }

  /** SmallRye's shape for a {@code Map<String, String>}: a list of key/value pairs. */
  private GraphQLTypeReference entry(boolean input) {
    String name = input ? "Entry_String_StringInput" : "Entry_String_String";
    if (!has(name)) {
      added.put(
          name,
          input
              ? GraphQLInputObjectType.newInputObject()
                  .name(name)
                  .field(f -> f.name("key").type(GraphQLTypeReference.typeRef("String")))
                  .field(f -> f.name("value").type(GraphQLTypeReference.typeRef("String")))
                  .build()
              : GraphQLObjectType.newObject()
                  .name(name)
                  .field(f -> f.name("key").type(GraphQLTypeReference.typeRef("String")))
                  .field(f -> f.name("value").type(GraphQLTypeReference.typeRef("String")))
                  .build());
    }
    return GraphQLTypeReference.typeRef(name);
  }

  private static DataFetcher<Object> entries(RecordComponent component) {
    return env -> {
      Object source = env.getSource();
      Map<?, ?> map = (Map<?, ?>) component.getAccessor().invoke(source);
      if (map == null) {
        return null;
      }
      List<Map<String, Object>> pairs = new ArrayList<>();
      map.forEach(
          (k, v) -> {
            Map<String, Object> pair = new HashMap<>();
            pair.put("key", String.valueOf(k));
            pair.put("value", v == null ? null : String.valueOf(v));
            pairs.add(pair);
          });
      return pairs;
    };
  }

  /** Bean Validation bounds as SmallRye shows them: {@code @constraint(maxLength: 100)}. */
  private static List<GraphQLAppliedDirective> constraints(RecordComponent component) {
    List<GraphQLAppliedDirective> out = new ArrayList<>();
    Pattern pattern = annotation(component, Pattern.class);
    if (pattern != null) {
      out.add(constraint("pattern", "String", pattern.regexp()));
    }
    Size size = annotation(component, Size.class);
    if (size != null && size.min() > 0) {
      out.add(constraint("minLength", "Int", size.min()));
    }
    if (size != null && size.max() < Integer.MAX_VALUE) {
      out.add(constraint("maxLength", "Int", size.max()));
    }
    Max max = annotation(component, Max.class);
    if (max != null) {
      out.add(constraint("max", "BigInteger", BigInteger.valueOf(max.value())));
    }
    Min min = annotation(component, Min.class);
    if (min != null) {
      out.add(constraint("min", "BigInteger", BigInteger.valueOf(min.value())));
    }
    return out;
  }

  private static GraphQLAppliedDirective constraint(String name, String type, Object value) {
    return GraphQLAppliedDirective.newDirective()
        .name("constraint")
        .argument(
            GraphQLAppliedDirectiveArgument.newArgument()
                .name(name)
                .type(GraphQLTypeReference.typeRef(type))
                .valueProgrammatic(value))
        .build();
  }

  private static boolean ignored(RecordComponent component) {
    return annotation(component, Ignore.class) != null;
  }

  private static boolean required(RecordComponent component) {
    return annotation(component, NotNull.class) != null
        || annotation(component, NotBlank.class) != null
        || annotation(component, NotEmpty.class) != null;
  }

  private static String description(AnnotatedElement element) {
    Description described =
        element instanceof RecordComponent c
            ? annotation(c, Description.class)
            : element.getAnnotation(Description.class);
    if (described != null) {
      return described.value();
    }
    Schema schema =
        element instanceof RecordComponent c
            ? annotation(c, Schema.class)
            : element.getAnnotation(Schema.class);
    return schema != null && !schema.description().isEmpty() ? schema.description() : null;
  }

  /**
   * An annotation on a record component, wherever Java put it: the component, its accessor, its
   * field, or its type (Bean Validation's constraints are also type-use annotations).
   */
  private static <A extends Annotation> A annotation(RecordComponent component, Class<A> type) {
    A found = component.getAnnotation(type);
    if (found == null) {
      found = component.getAccessor().getAnnotation(type);
    }
    if (found == null) {
      found = component.getAnnotatedType().getAnnotation(type);
    }
    if (found == null) {
      try {
        found =
            component
                .getDeclaringRecord()
                .getDeclaredField(component.getName())
                .getAnnotation(type);
      } catch (NoSuchFieldException e) {
        return null;
      }
    }
    return found;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("no GraphQL type for " + type);
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    return String.class;
  }
}
