package dev.headlesscrm.platform.graphql;

import static dev.headlesscrm.platform.api.CollectionNames.camel;
import static dev.headlesscrm.platform.api.CollectionNames.collection;
import static dev.headlesscrm.platform.api.CollectionNames.pascal;
import static dev.headlesscrm.platform.api.CollectionNames.singular;
import static dev.headlesscrm.platform.api.CollectionNames.words;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource.Route;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.TeamMemberInput;
import dev.headlesscrm.platform.records.TransferRequest;
import dev.headlesscrm.platform.security.FieldPolicy;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeReference;
import graphql.schema.GraphQLTypeUtil;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Type;

/**
 * The GraphQL twin of every record resource's REST routes, derived from the routes themselves when
 * SmallRye GraphQL builds the schema: {@code x(id)}, {@code xs(filter, q, sort, first, after,
 * count)}, {@code createX}, {@code updateX(id, input, expectedVersion)}, {@code deleteX}, {@code
 * restoreX} and, for owned resources, {@code xTeamMembers(id)}. Each calls the same service method
 * as its REST route, so permissions, validation, versions, history and events are the same.
 *
 * <p>A context may still write an operation by hand (domain actions, or a read with its own
 * arguments); the derived one then steps aside. The view and input types are SmallRye's when some
 * hand-written operation uses them, else built from the records ({@link DerivedTypes}), so a
 * resource needs no GraphQL code of its own.
 */
@ApplicationScoped
public class DerivedOperations {

  private static final String BIG_INTEGER = "BigInteger";

  @Inject Instance<ReadOnlyRecordResource<?>> resources;
  @Inject ObjectMapper json;
  @Inject FieldPolicy fields;
  @Inject GraphQlFailures failures;
  @Inject dev.headlesscrm.platform.query.ResourceRegistry registry;

  /** What was derived, by operation name (for the parity test and the log). */
  private final List<String> derived = new ArrayList<>();

  public List<String> derived() {
    return List.copyOf(derived);
  }

  GraphQLSchema.Builder derive(@Observes GraphQLSchema.Builder builder) {
    GraphQLSchema current = builder.build();
    Schema schema = new Schema(current);
    List<Route> routes = new ArrayList<>();
    for (ReadOnlyRecordResource<?> resource : resources) {
      Route route = resource.route();
      if (route.path() != null) {
        derive(route, schema);
        routes.add(route);
      }
    }
    DerivedRelations relations =
        new DerivedRelations(registry, fields, failures, schema.code, schema.types::object);
    relations.derive(routes, route -> schema.types.output(route.view()));
    derived.addAll(relations.names());
    PlainFields.install(current, schema.code);
    builder.query(schema.query.build());
    builder.mutation(schema.mutation.build());
    builder.codeRegistry(schema.code.build());
    schema.types.added().forEach(builder::additionalType);
    GraphQLSchema changed = withFields(builder, relations.added());
    return withoutUnreachable(builder, changed);
  }

  /**
   * Adds fields to object types wherever the schema uses them (types are immutable); the builder
   * takes the changed types, and the changed schema is returned so that it is not built again.
   */
  private static GraphQLSchema withFields(
      GraphQLSchema.Builder builder, Map<String, Map<String, GraphQLFieldDefinition>> extra) {
    GraphQLSchema changed =
        graphql.schema.SchemaTransformer.transformSchema(
            builder.build(),
            new graphql.schema.GraphQLTypeVisitorStub() {
              @Override
              public graphql.util.TraversalControl visitGraphQLObjectType(
                  GraphQLObjectType node,
                  graphql.util.TraverserContext<graphql.schema.GraphQLSchemaElement> context) {
                Map<String, GraphQLFieldDefinition> more = extra.get(node.getName());
                if (more == null || more.isEmpty()) {
                  return graphql.util.TraversalControl.CONTINUE;
                }
                return changeNode(context, node.transform(b -> more.values().forEach(b::field)));
              }
            });
    builder.query(changed.getQueryType()).mutation(changed.getMutationType());
    if (changed.getSubscriptionType() != null) {
      builder.subscription(changed.getSubscriptionType());
    }
    builder
        .codeRegistry(changed.getCodeRegistry())
        .clearAdditionalTypes()
        .additionalTypes(changed.getAdditionalTypes());
    return changed;
  }

  /**
   * The schema holds what an operation reaches: SmallRye also adds every class of its index that
   * implements an interface some type uses (a view of a resource no route serves, such as one of
   * the test sources), which no client could query; those are left out.
   */
  private static GraphQLSchema.Builder withoutUnreachable(
      GraphQLSchema.Builder builder, GraphQLSchema built) {
    java.util.Set<String> unreachable = new java.util.HashSet<>();
    for (var element :
        graphql.schema.usage.SchemaUsageSupport.getSchemaUsage(built)
            .getUnReferencedElements(built)) {
      if (element instanceof GraphQLObjectType
          || element instanceof graphql.schema.GraphQLEnumType
          || element instanceof GraphQLInputObjectType) {
        unreachable.add(element.getName());
      }
    }
    if (unreachable.isEmpty()) {
      return builder;
    }
    java.util.Set<GraphQLType> kept = new java.util.LinkedHashSet<>();
    for (GraphQLType type : built.getAdditionalTypes()) {
      if (!(type instanceof graphql.schema.GraphQLNamedType named)
          || !unreachable.contains(named.getName())) {
        kept.add(type);
      }
    }
    return builder.clearAdditionalTypes().additionalTypes(kept);
  }

  private void derive(Route route, Schema schema) {
    String plural = pascal(collection(route.path()));
    String singular = singular(plural);
    String noun = words(singular);
    String view = schema.types.output(route.view());
    RecordService<?, ?, ?> service = route.service();
    GraphQLOutputType viewType = GraphQLTypeReference.typeRef(view);

    schema.query(
        camel(singular),
        "A " + noun + " by id. Fields the caller may not see are null.",
        viewType,
        List.of(id()),
        env -> service.get(id(env)));

    schema.query(
        camel(plural),
        "A page of "
            + words(plural)
            + ": filter and sort as in REST (API.md §2), q searches, first (1–500, default 50)"
            + " and after page by cursor, count: true adds totalCount.",
        schema.connection(view),
        List.of(
            arg("filter", scalar("String")),
            arg("q", scalar("String")),
            arg("sort", GraphQLList.list(scalar("String"))),
            arg("first", scalar("Int")),
            arg("after", scalar("String")),
            arg("count", scalar("Boolean"))),
        env ->
            new DerivedConnection(
                service.list(
                    ListQuery.of(
                        env.getArgument("filter"),
                        env.getArgument("q"),
                        env.getArgument("sort"),
                        env.getArgument("first"),
                        env.getArgument("after"),
                        env.getArgument("count")))));

    if (route.owned() && service instanceof OwnedRecordService<?, ?, ?> owned) {
      schema.query(
          camel(singular) + "TeamMembers",
          "The " + noun + "'s team members (团队成员) and their access.",
          GraphQLNonNull.nonNull(GraphQLList.list(GraphQLTypeReference.typeRef("TeamMember"))),
          List.of(id()),
          env -> owned.team(id(env)));
    }

    if (route.owned() && service instanceof OwnedRecordService<?, ?, ?> owned) {
      deriveOwnership(singular, noun, viewType, owned, schema);
    }

    if (route.input() == null) {
      return;
    }
    String input = schema.types.input(route.input());
    GraphQLArgument inputArg = input(input);
    schema.mutation(
        "create" + singular,
        "Creates a " + noun + " (as POST " + route.path() + ").",
        viewType,
        List.of(inputArg),
        env -> service.createFromJson(body(env, false)));
    schema.mutation(
        "update" + singular,
        "Changes the fields given; fields left out or null stay as they are (clear them with REST"
            + " PATCH). expectedVersion guards against lost updates.",
        viewType,
        List.of(id(), inputArg, version()),
        env -> service.update(id(env), version(env), body(env, true)));
    if (service.externalIds()) {
      schema.mutation(
          "upsert" + singular,
          "Creates or replaces the "
              + noun
              + " known by this external id (as PUT "
              + route.path()
              + "/external/{externalId}): the key an ERP sync retries safely.",
          viewType,
          List.of(arg("externalId", GraphQLNonNull.nonNull(scalar("String"))), inputArg),
          env -> service.upsert(env.getArgument("externalId"), body(env, false)).view());
    }
    schema.mutation(
        "delete" + singular,
        "Deletes the " + noun + " (soft: restore" + singular + " undoes it).",
        GraphQLNonNull.nonNull(scalar("Boolean")),
        List.of(id(), version()),
        env -> {
          service.delete(id(env), version(env));
          return true;
        });
    schema.mutation(
        "restore" + singular,
        "Undoes the soft delete of the " + noun + ".",
        viewType,
        List.of(id()),
        env -> service.restore(id(env)));
  }

  /** Transfer (转移) and the team (团队成员) of an owned resource, as its REST routes offer them. */
  private void deriveOwnership(
      String singular,
      String noun,
      GraphQLOutputType viewType,
      OwnedRecordService<?, ?, ?> owned,
      Schema schema) {
    schema.mutation(
        "transfer" + singular,
        "Gives the " + noun + " to another owner; carry names related records that move with it.",
        viewType,
        List.of(id(), input("TransferInput")),
        env -> owned.transfer(id(env), input(env, TransferRequest.class)));
    schema.mutation(
        "add" + singular + "TeamMember",
        "Adds an employee to the " + noun + "'s team, or changes their access.",
        GraphQLTypeReference.typeRef("TeamMember"),
        List.of(id(), input("TeamMemberInput")),
        env -> owned.share(id(env), input(env, TeamMemberInput.class)));
    schema.mutation(
        "remove" + singular + "TeamMember",
        "Removes an employee from the " + noun + "'s team.",
        GraphQLNonNull.nonNull(scalar("Boolean")),
        List.of(id(), arg("employeeId", GraphQLNonNull.nonNull(scalar("ID")))),
        env -> {
          owned.unshare(id(env), Ids.parse(env.getArgument("employeeId")));
          return true;
        });
  }

  /** The schema being extended: what exists, and what this derivation adds. */
  private final class Schema {
    final GraphQLSchema current;
    final GraphQLObjectType.Builder query;
    final GraphQLObjectType.Builder mutation;
    final GraphQLCodeRegistry.Builder code;
    final DerivedTypes types;

    Schema(GraphQLSchema current) {
      this.current = current;
      this.query = GraphQLObjectType.newObject(current.getQueryType());
      this.mutation = GraphQLObjectType.newObject(current.getMutationType());
      this.code = GraphQLCodeRegistry.newCodeRegistry(current.getCodeRegistry());
      this.types = new DerivedTypes(current, code);
    }

    void query(
        String name,
        String description,
        GraphQLOutputType type,
        List<GraphQLArgument> args,
        Function<DataFetchingEnvironment, Object> work) {
      add(current.getQueryType(), query, "Query", name, description, type, args, work);
    }

    void mutation(
        String name,
        String description,
        GraphQLOutputType type,
        List<GraphQLArgument> args,
        Function<DataFetchingEnvironment, Object> work) {
      add(current.getMutationType(), mutation, "Mutation", name, description, type, args, work);
    }

    private void add(
        GraphQLObjectType existing,
        GraphQLObjectType.Builder target,
        String parent,
        String name,
        String description,
        GraphQLOutputType type,
        List<GraphQLArgument> args,
        Function<DataFetchingEnvironment, Object> work) {
      if (existing.getFieldDefinition(name) != null) {
        return; // written by hand: the context's version stands
      }
      target.field(
          GraphQLFieldDefinition.newFieldDefinition()
              .name(name)
              .description(description)
              .type(type)
              .arguments(args)
              .build());
      code.dataFetcher(FieldCoordinates.coordinates(parent, name), fetcher(work));
      derived.add(name);
    }

    /** {@code <View>Connection}, made alike to the hand-declared ones when none exists yet. */
    GraphQLOutputType connection(String view) {
      String name = view + "Connection";
      if (!types.has(name)) {
        GraphQLObjectType edge =
            GraphQLObjectType.newObject()
                .name("Edge_" + view)
                .field(f -> f.name("cursor").type(scalar("String")))
                .field(f -> f.name("node").type(GraphQLTypeReference.typeRef(view)))
                .build();
        types.add(edge);
        types.add(
            GraphQLObjectType.newObject()
                .name(name)
                .field(f -> f.name("edges").type(GraphQLList.list(edge)))
                .field(f -> f.name("pageInfo").type(GraphQLTypeReference.typeRef("PageInfo")))
                .field(f -> f.name("totalCount").type(GraphQLTypeReference.typeRef(BIG_INTEGER)))
                .build());
      }
      return GraphQLTypeReference.typeRef(name);
    }
  }

  /**
   * Runs the work as SmallRye runs a blocking operation: off the event loop (the services use
   * JDBC), on the request's own Vert.x context so the request scope and the caller go along.
   */
  private DataFetcher<Object> fetcher(Function<DataFetchingEnvironment, Object> work) {
    return env -> {
      Context context = Vertx.currentContext();
      if (context != null && Context.isOnEventLoopThread()) {
        return context.executeBlocking(() -> run(work, env), false).toCompletionStage();
      }
      return run(work, env);
    };
  }

  private Object run(Function<DataFetchingEnvironment, Object> work, DataFetchingEnvironment env) {
    try {
      return fields.mask().nullify(work.apply(env));
    } catch (Exception failure) {
      GraphQlProblem problem = failures.translate(failure);
      return DataFetcherResult.newResult()
          .error(
              GraphqlErrorBuilder.newError(env) // the field's path and location, as SmallRye gives
                  .message(problem.getMessage())
                  .errorType(problem.getErrorType())
                  .extensions(problem.getExtensions())
                  .build())
          .build();
    }
  }

  /** The input as the JSON body its REST twin takes; an update leaves out what is null. */
  private ObjectNode body(DataFetchingEnvironment env, boolean patch) {
    GraphQLInputType type = env.getFieldDefinition().getArgument("input").getType();
    ObjectNode body = (ObjectNode) toJson(env.getArgument("input"), type);
    if (patch) {
      body.properties().removeIf(e -> e.getValue().isNull());
    }
    return body;
  }

  /**
   * A GraphQL input value as JSON, guided by its input type: SmallRye writes a Java map as a list
   * of {@code Entry_*} key/value pairs, which REST takes as a JSON object.
   */
  private JsonNode toJson(Object value, GraphQLType declared) {
    GraphQLType type = GraphQLTypeUtil.unwrapNonNull(declared);
    if (value == null) {
      return NullNode.getInstance();
    }
    if (type instanceof GraphQLList list && value instanceof List<?> items) {
      GraphQLType item = GraphQLTypeUtil.unwrapNonNull(list.getWrappedType());
      if (item instanceof GraphQLInputObjectType entry && entry.getName().startsWith("Entry_")) {
        ObjectNode map = json.createObjectNode();
        for (Object each : items) {
          Map<?, ?> pair = (Map<?, ?>) each;
          map.set(
              String.valueOf(pair.get("key")),
              toJson(pair.get("value"), entry.getField("value").getType()));
        }
        return map;
      }
      ArrayNode array = json.createArrayNode();
      items.forEach(each -> array.add(toJson(each, item)));
      return array;
    }
    if (type instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
      ObjectNode node = json.createObjectNode();
      fields.forEach(
          (name, field) -> {
            GraphQLInputObjectField declaredField = object.getField(String.valueOf(name));
            node.set(
                String.valueOf(name),
                declaredField == null
                    ? json.valueToTree(field)
                    : toJson(field, declaredField.getType()));
          });
      return node;
    }
    return json.valueToTree(value);
  }

  /** SmallRye declares its own scalars; the derived fields point at those by name. */
  private static GraphQLTypeReference scalar(String name) {
    return GraphQLTypeReference.typeRef(name);
  }

  private static GraphQLArgument input(String type) {
    return arg("input", GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(type)));
  }

  private <T> T input(DataFetchingEnvironment env, Class<T> type) {
    return json.convertValue(env.getArgument("input"), type);
  }

  private static GraphQLArgument id() {
    return arg("id", GraphQLNonNull.nonNull(scalar("ID")));
  }

  private static GraphQLArgument version() {
    return arg("expectedVersion", GraphQLTypeReference.typeRef(BIG_INTEGER));
  }

  private static GraphQLArgument arg(String name, GraphQLInputType type) {
    return GraphQLArgument.newArgument().name(name).type(type).build();
  }

  private static UUID id(DataFetchingEnvironment env) {
    return Ids.parse(env.getArgument("id"));
  }

  private static Long version(DataFetchingEnvironment env) {
    Object value = env.getArgument("expectedVersion");
    return value == null ? null : ((Number) value).longValue();
  }

  /** The name SmallRye gives a view class's type. */
  static String typeName(Class<?> view) {
    Type type = view.getAnnotation(Type.class);
    if (type != null && !type.value().isEmpty()) {
      return type.value();
    }
    Name name = view.getAnnotation(Name.class);
    if (name != null) {
      return name.value();
    }
    // A view class is the resource's type: WidgetView is Widget (SmallRye does not know it, or
    // it would carry @Type).
    String simple = view.getSimpleName();
    return simple.endsWith("View") && simple.length() > 4
        ? simple.substring(0, simple.length() - 4)
        : simple;
  }

  /** The name SmallRye gives an input class's type. */
  static String inputName(Class<?> input) {
    Input annotated = input.getAnnotation(Input.class);
    if (annotated != null && !annotated.value().isEmpty()) {
      return annotated.value();
    }
    String name = input.getSimpleName();
    return name.endsWith("Input") ? name : name + "Input";
  }

  /** A page as the connection types read it (edges, pageInfo, totalCount). */
  static final class DerivedConnection extends Connection<Versioned> {
    @SuppressWarnings({"unchecked", "rawtypes"})
    DerivedConnection(Page<?> page) {
      super((Page) page);
    }
  }
}
