package dev.headlesscrm.platform.graphql;

import static dev.headlesscrm.platform.api.CollectionNames.camel;
import static dev.headlesscrm.platform.api.CollectionNames.collection;
import static dev.headlesscrm.platform.api.CollectionNames.pascal;
import static dev.headlesscrm.platform.api.CollectionNames.words;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource.Route;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.FieldPolicy;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeReference;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.MappedBatchLoader;

/**
 * The relations of every record type, derived from the declared relations, both ways: a to-one
 * field named as the relation ({@code contact { customer }}, {@code quote { opportunity owner }}),
 * its inverse on the target ({@code customer { contacts quotes }}; {@code <collection>By<Relation>}
 * when the relation is not named after its target: {@code customer { customersByParent }}), and
 * {@code team} on every owned record. Each is fetched through a per-request data loader, so a level
 * of any width costs one statement per relation, within the caller's permissions, data scope and
 * field masks. Owner relations have no inverse: {@code ownerId==…} on the list serves that.
 */
final class DerivedRelations {

  /** Records one parent lists at most by default, and at most when asked. */
  static final int DEFAULT_FIRST = 100;

  static final int MAX_FIRST = 500;

  private static final Set<String> OWNER_FIELDS = Set.of("ownerId", "ownerDepartmentId");

  private final ResourceRegistry registry;
  private final FieldPolicy fields;
  private final GraphQlFailures failures;
  private final GraphQLCodeRegistry.Builder code;
  private final Function<String, GraphQLObjectType> types;
  private final Map<String, Map<String, GraphQLFieldDefinition>> added = new LinkedHashMap<>();

  /**
   * @param types the object type of a name as the schema has it so far (SmallRye's or derived)
   */
  DerivedRelations(
      ResourceRegistry registry,
      FieldPolicy fields,
      GraphQlFailures failures,
      GraphQLCodeRegistry.Builder code,
      Function<String, GraphQLObjectType> types) {
    this.registry = registry;
    this.fields = fields;
    this.failures = failures;
    this.code = code;
    this.types = types;
  }

  /** The fields to add, by type name. */
  Map<String, Map<String, GraphQLFieldDefinition>> added() {
    return added;
  }

  /** Derives the relations of these routes, each served as {@code typeOf(route)}. */
  void derive(Collection<Route> routes, Function<Route, String> typeOf) {
    Map<String, Route> byResource = new LinkedHashMap<>();
    routes.forEach(r -> byResource.putIfAbsent(r.resource(), r));
    for (Route route : routes) {
      if (!registry.has(route.resource())) {
        continue;
      }
      ResourceSpec spec = registry.get(route.resource());
      String type = typeOf.apply(route);
      for (Relation relation : spec.relations().values()) {
        Route target = byResource.get(relation.target());
        String key = keyField(spec, relation);
        MethodHandle read = key == null ? null : accessor(route.view(), key);
        if (target == null || read == null) {
          continue;
        }
        String targetType = typeOf.apply(target);
        toOne(type, relation, read, target, targetType);
        if (!OWNER_FIELDS.contains(key)) {
          toMany(targetType, inverseName(route, relation), spec, relation, route, type);
        }
      }
      if (route.owned() && route.service() instanceof OwnedRecordService<?, ?, ?> owned) {
        team(type, route.resource(), owned);
      }
    }
  }

  private void toOne(
      String type, Relation relation, MethodHandle read, Route target, String targetType) {
    RecordService<?, ?, ?> service = target.service();
    add(
        type,
        relation.name(),
        "The "
            + words(targetType)
            + " this record refers to ("
            + relation.name()
            + "); null when there is none or you may not see it. Batched: one statement per level.",
        GraphQLTypeReference.typeRef(targetType),
        List.of(),
        env -> {
          Object source = env.getSource();
          UUID id = (UUID) read.invoke(source);
          return id == null
              ? null
              : load(env, "to-one:" + target.resource(), id, service::readAll, null);
        });
  }

  private void toMany(
      String targetType,
      String name,
      ResourceSpec spec,
      Relation relation,
      Route route,
      String type) {
    RecordService<?, ?, ?> service = route.service();
    add(
        targetType,
        name,
        "The live "
            + words(pascal(collection(route.path())))
            + " whose "
            + relation.name()
            + " is this record, oldest first, within your data scope: at most first (1–"
            + MAX_FIRST
            + ", default "
            + DEFAULT_FIRST
            + ") each; page further with "
            + camel(pascal(collection(route.path())))
            + "(filter: \""
            + keyField(spec, relation)
            + "==…\"). Batched: one statement per level.",
        GraphQLList.list(GraphQLTypeReference.typeRef(type)),
        List.of(
            GraphQLArgument.newArgument()
                .name("first")
                .type(GraphQLTypeReference.typeRef("Int"))
                .build()),
        env -> {
          int first = first(env.getArgument("first"));
          UUID id = ((Versioned) env.getSource()).id();
          return load(
              env,
              "to-many:" + route.resource() + "." + relation.name() + ":" + first,
              id,
              ids -> service.referringTo(relation, ids, first),
              List.of());
        });
  }

  private void team(String type, String resource, OwnedRecordService<?, ?, ?> owned) {
    add(
        type,
        "team",
        "The employees this record is shared with (团队成员) and their access. Batched.",
        GraphQLList.list(GraphQLTypeReference.typeRef("TeamMember")),
        List.of(),
        env ->
            load(
                env,
                "team:" + resource,
                ((Versioned) env.getSource()).id(),
                owned::teams,
                List.of()));
  }

  private void add(
      String type,
      String name,
      String description,
      GraphQLOutputType output,
      List<GraphQLArgument> args,
      Work work) {
    GraphQLObjectType existing = types.apply(type);
    Map<String, GraphQLFieldDefinition> mine =
        added.computeIfAbsent(type, k -> new LinkedHashMap<>());
    if (existing == null
        || existing.getFieldDefinition(name) != null // written by hand, or a field of the view
        || mine.containsKey(name)) {
      return;
    }
    mine.put(
        name,
        GraphQLFieldDefinition.newFieldDefinition()
            .name(name)
            .description(description)
            .type(output)
            .arguments(args)
            .build());
    code.dataFetcher(FieldCoordinates.coordinates(type, name), fetcher(work));
  }

  /** A fetcher that turns a refusal into the field's error, as every other operation does. */
  private DataFetcher<Object> fetcher(Work work) {
    return env -> {
      try {
        return work.apply(env);
      } catch (Throwable failure) {
        return error(env, failure);
      }
    };
  }

  /**
   * Asks this request's loader of that name for one key: every key asked on one level is fetched in
   * one call, on a worker thread of the request's own context (the services use JDBC), with the
   * caller's field mask applied.
   */
  private Object load(
      DataFetchingEnvironment env,
      String name,
      UUID key,
      Function<Collection<UUID>, ? extends Map<UUID, ?>> fetch,
      Object none) {
    DataLoader<UUID, Object> loader =
        env.getDataLoaderRegistry()
            .computeIfAbsent(name, n -> DataLoaderFactory.newMappedDataLoader(batch(fetch)));
    return loader
        .load(key)
        .handle(
            (value, failure) ->
                failure != null ? error(env, failure) : value == null ? none : value);
  }

  private MappedBatchLoader<UUID, Object> batch(
      Function<Collection<UUID>, ? extends Map<UUID, ?>> fetch) {
    Context context = Vertx.currentContext();
    return keys -> {
      if (context == null) {
        try {
          return CompletableFuture.completedFuture(masked(fetch.apply(keys)));
        } catch (RuntimeException failure) {
          return CompletableFuture.failedFuture(failure);
        }
      }
      CompletionStage<Map<UUID, Object>> done =
          context.executeBlocking(() -> masked(fetch.apply(keys)), false).toCompletionStage();
      return done;
    };
  }

  private Map<UUID, Object> masked(Map<UUID, ?> found) {
    Map<UUID, Object> out = new LinkedHashMap<>();
    var mask = fields.mask();
    found.forEach((id, value) -> out.put(id, mask.nullify(value)));
    return out;
  }

  private Object error(DataFetchingEnvironment env, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    GraphQlProblem problem =
        failures.translate(cause instanceof Exception e ? e : new RuntimeException(cause));
    return DataFetcherResult.newResult()
        .error(
            GraphqlErrorBuilder.newError(env)
                .message(problem.getMessage())
                .errorType(problem.getErrorType())
                .extensions(problem.getExtensions())
                .build())
        .build();
  }

  private static int first(Object value) {
    if (value == null) {
      return DEFAULT_FIRST;
    }
    int n = ((Number) value).intValue();
    if (n < 1 || n > MAX_FIRST) {
      throw CrmException.malformed(
          Text.of(
              "first must be between 1 and " + MAX_FIRST + ".",
              "first 必须在 1 到 " + MAX_FIRST + " 之间。"));
    }
    return n;
  }

  /**
   * {@code contacts} for a relation named after its target ({@code customer}), else {@code
   * <collection>By<Relation>}: {@code customersByParent}, {@code paymentsByPlan}.
   */
  static String inverseName(Route route, Relation relation) {
    String children = camel(pascal(collection(route.path())));
    boolean namedAfterTarget =
        relation.name().equals(camel(pascal(relation.target())))
            && !relation.target().equals(route.resource());
    return namedAfterTarget ? children : children + "By" + pascal(relation.name());
  }

  /** The API field holding the relation's id: declared with it, or the field of its column. */
  private static String keyField(ResourceSpec spec, Relation relation) {
    if (relation.field() != null) {
      return relation.field();
    }
    return spec.fields().values().stream()
        .filter(f -> f.column().equals(relation.column()))
        .map(dev.headlesscrm.platform.query.Field::name)
        .findFirst()
        .orElse(null);
  }

  /** The view's accessor of that field, when the view has it as a UUID. */
  private static MethodHandle accessor(Class<?> view, String field) {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(view, field, MethodType.methodType(UUID.class))
          .asType(MethodType.methodType(Object.class, Object.class));
    } catch (NoSuchMethodException | IllegalAccessException absent) {
      return null;
    }
  }

  /** The work of one field. */
  @FunctionalInterface
  private interface Work {
    Object apply(DataFetchingEnvironment env) throws Throwable;
  }

  /** For the log: what this derived, as {@code Type.field}. */
  List<String> names() {
    List<String> out = new ArrayList<>();
    added.forEach((type, f) -> f.keySet().forEach(name -> out.add(type + "." + name)));
    return out;
  }
}
