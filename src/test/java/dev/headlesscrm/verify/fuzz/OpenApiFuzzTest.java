package dev.headlesscrm.verify.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.support.Api;
import dev.headlesscrm.verify.fuzz.OpenApiDocument.Operation;
import dev.headlesscrm.verify.fuzz.OpenApiDocument.Parameter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A property-based fuzzer driven by the committed contract (openapi/openapi.yaml, which {@code
 * ContractDriftTest} keeps equal to what the service serves). For every operation it sends
 * schema-valid requests and requests that break one rule of the schema (wrong type, missing
 * required field, out of range, overlong, unknown enum value, unknown field, bad uuid in the path,
 * malformed JSON, wrong content type, bad query parameters...) as several principals, and checks
 * every answer: never a 5xx; every 4xx an RFC 9457 problem whose status is the HTTP status; every
 * status one the operation documents; and a refused write left the change log (events and history
 * entries) as it was.
 *
 * <p>The run is deterministic for a seed: {@code -Dcrm.fuzz.seed=<n>} replays another one (printed
 * at the start). {@code -Dcrm.fuzz.valid} and {@code -Dcrm.fuzz.invalid} set the cases per
 * operation for the first principal (admin.li); the others get a third of them.
 *
 * <p>The database is shared by every test class of the run, so the fuzzer writes only to records it
 * created itself, and sends only refusable requests (malformed, of the wrong type, for absent
 * records) to the set-up resources: roles, settings, numbering, dictionaries, custom fields,
 * approval flows, organisation, pipelines, commissions and targets.
 */
@QuarkusTest
class OpenApiFuzzTest {

  static final long SEED = Long.getLong("crm.fuzz.seed", 20261206L);
  static final int VALID = Integer.getInteger("crm.fuzz.valid", 3);
  static final int INVALID = Integer.getInteger("crm.fuzz.invalid", 6);

  /** Resources whose writes persist for the whole run and steer other tests: refusals only. */
  static final Set<String> SETUP =
      Set.of(
          "roles",
          "settings",
          "numbering-rules",
          "dictionaries",
          "custom-fields",
          "approval-flows",
          "departments",
          "employees",
          "pipelines",
          "commission-rules",
          "commissions",
          "sales-targets");

  /** Created first, in this order, so that later records can point at earlier ones. */
  static final List<String> FIXTURES =
      List.of(
          "customers",
          "contacts",
          "product-categories",
          "products",
          "leads",
          "opportunities",
          "quotes",
          "contracts",
          "sales-orders",
          "payment-plans",
          "payments");

  static final ObjectMapper MAPPER = new ObjectMapper();

  record Principal(String name, Supplier<RequestSpecification> api) {}

  static final List<Principal> PRINCIPALS =
      List.of(
          new Principal("admin.li", Api::asAdmin),
          new Principal("manager.wang", () -> Api.as("manager.wang")),
          new Principal("rep.zhang", () -> Api.as("rep.zhang")),
          new Principal("analyst.liu", () -> Api.as("analyst.liu")),
          new Principal("integration", Api::asIntegration));

  /** One request the fuzzer sends. */
  static final class Case {
    final String kind;
    final boolean valid;
    final Map<String, String> path = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    String contentType;
    String body;

    Case(String kind, boolean valid) {
      this.kind = kind;
      this.valid = valid;
    }
  }

  // ---- run-wide state (the summary is printed after the last dynamic test) -----------------

  static final Map<String, AtomicInteger> BY_STATUS = new TreeMap<>();
  static final Map<String, AtomicInteger> BY_CLASS = new TreeMap<>();
  static final List<String> FAILURES = new ArrayList<>();
  static final List<String> KNOWN = new ArrayList<>();
  static final List<String> ACCEPTED_INVALID = new ArrayList<>();
  static final AtomicInteger CASES = new AtomicInteger();
  static final AtomicInteger OPERATIONS = new AtomicInteger();
  static final AtomicInteger REFUSALS_CHECKED = new AtomicInteger();
  static long started;

  @Inject DataSource dataSource;

  /** Ids of the records the fuzzer created, per collection: the only ones it changes. */
  final Map<String, List<String>> own = new ConcurrentHashMap<>();

  /** Ids the admin can read, per collection (others' records: read, never written). */
  final Map<String, List<String>> readable = new HashMap<>();

  final List<String> employees = new ArrayList<>();
  final List<String> departments = List.of(Api.HQ, Api.SALES_EAST, Api.SALES_NORTH);
  final Map<String, List<String>> keys = new HashMap<>();
  OpenApiDocument document;

  /** The collection of the operation being fuzzed, for the ids of "id" and "ids" in bodies. */
  String currentCollection;

  boolean currentWrite;

  @TestFactory
  Stream<DynamicNode> every_operation_of_the_contract() throws Exception {
    started = System.nanoTime();
    System.out.printf(
        "[fuzz] seed %d (-Dcrm.fuzz.seed to replay another), %d valid + %d invalid per"
            + " operation%n",
        SEED, VALID, INVALID);
    document = new OpenApiDocument(Path.of("openapi/openapi.yaml"));
    List<Operation> operations = new ArrayList<>(document.operations());
    List<String> order = List.of("get", "post", "put", "patch", "delete");
    operations.sort(Comparator.comparingInt(op -> order.indexOf(op.method())));
    prepare(operations);
    Stream<DynamicNode> rest =
        operations.stream()
            .map(op -> DynamicTest.dynamicTest(op.operationId() + " " + op, () -> fuzz(op)));
    // /graphql is not in the OpenAPI document (its contract is the SDL), but it is an entry point
    // for the same services: it gets the same checks with queries broken in the ways a client
    // breaks them.
    return Stream.concat(
        rest, Stream.of(DynamicTest.dynamicTest("POST /graphql", this::fuzzGraphQl)));
  }

  @AfterAll
  static void summary() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%n[fuzz] ===== OpenAPI fuzz summary (seed %d, %.1f s) =====%n",
            SEED, (System.nanoTime() - started) / 1e9));
    out.append(
        String.format(
            "[fuzz] operations covered: %d, cases sent: %d%n", OPERATIONS.get(), CASES.get()));
    out.append(
        String.format(
            "[fuzz] refused writes whose change log (events, history) was checked: %d%n",
            REFUSALS_CHECKED.get()));
    out.append("[fuzz] by status class: ").append(BY_CLASS).append('\n');
    out.append("[fuzz] by status: ").append(BY_STATUS).append('\n');
    out.append(
        String.format(
            "[fuzz] schema-invalid requests answered 2xx: %d%n", ACCEPTED_INVALID.size()));
    ACCEPTED_INVALID.stream()
        .limit(40)
        .forEach(line -> out.append("[fuzz]   accepted ").append(line).append('\n'));
    out.append(String.format("[fuzz] known failures (allow-listed): %d%n", KNOWN.size()));
    KNOWN.forEach(line -> out.append("[fuzz]   known ").append(line).append('\n'));
    out.append(String.format("[fuzz] failures: %d%n", FAILURES.size()));
    FAILURES.forEach(line -> out.append("[fuzz]   FAIL ").append(line).append('\n'));
    System.out.println(out);
  }

  // ---- fixtures ------------------------------------------------------------------------------

  private void prepare(List<Operation> operations) {
    for (Principal who : PRINCIPALS) {
      Response me = who.api().get().get("/api/v1/me");
      String employee = me.jsonPath().getString("employee.id");
      if (employee != null && !employees.contains(employee)) {
        employees.add(employee);
      }
    }
    for (Operation op : operations) {
      String[] parts = op.path().split("/");
      if (op.method().equals("get") && parts.length == 4) {
        List<String> ids = values(Api.asAdmin().queryParam("limit", 5).get(op.path()), "id");
        readable.put(parts[3], new ArrayList<>(ids));
      }
    }
    keys.put("settings", values(Api.asAdmin().get("/api/v1/settings"), "key"));
    keys.put("numbering-rules", values(Api.asAdmin().get("/api/v1/numbering-rules"), "key"));
    keys.put("roles", values(Api.asAdmin().get("/api/v1/roles"), "role"));
    keys.put("dictionaries", values(Api.asAdmin().get("/api/v1/dictionaries"), "kind"));
    keys.put("metadata", values(Api.asAdmin().get("/api/v1/metadata"), "name"));
    Map<String, Operation> creates = new HashMap<>();
    for (Operation op : operations) {
      String[] parts = op.path().split("/");
      if (op.method().equals("post") && parts.length == 4 && op.bodySchema() != null) {
        creates.put(parts[3], op);
      }
    }
    Random random = new Random(SEED);
    for (String collection : FIXTURES) {
      Operation create = creates.get(collection);
      if (create == null) {
        continue;
      }
      for (Principal who : List.of(PRINCIPALS.get(0), PRINCIPALS.get(2))) {
        createFixture(who, collection, create, random);
      }
    }
    System.out.printf("[fuzz] own fixtures: %s%n", counts(own));
  }

  private static Map<String, Integer> counts(Map<String, List<String>> ids) {
    Map<String, Integer> out = new TreeMap<>();
    ids.forEach((k, v) -> out.put(k, v.size()));
    return out;
  }

  private void createFixture(Principal who, String collection, Operation create, Random random) {
    currentCollection = collection;
    currentWrite = true;
    SchemaGenerator generator = new SchemaGenerator(document, random, this::idFor);
    for (int attempt = 0; attempt < 6; attempt++) {
      JsonNode body =
          attempt == 0 && create.bodyExample() != null
              ? fromExample(create.bodyExample(), generator)
              : generator.valid(create.bodySchema(), null, 0);
      Response response =
          who.api()
              .get()
              .contentType(create.bodyContentType())
              .body(body.toString())
              .post(create.path());
      if (response.statusCode() == 201) {
        String id = response.jsonPath().getString("id");
        own.computeIfAbsent(collection, c -> new ArrayList<>()).add(id);
        return;
      }
    }
  }

  /** A request example with its free text made the fuzzer's own and its ids pointing at ours. */
  private JsonNode fromExample(JsonNode example, SchemaGenerator generator) {
    JsonNode copy = example.deepCopy();
    if (copy instanceof ObjectNode object) {
      object.remove(List.of("externalId", "number", "custom"));
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<String> names = new ArrayList<>();
      fields.forEachRemaining(e -> names.add(e.getKey()));
      for (String name : names) {
        JsonNode value = object.get(name);
        if (!value.isTextual()) {
          continue;
        }
        String text = value.asText();
        if (text.matches("[0-9a-f]{8}-[0-9a-f]{4}-.*")) {
          object.put(name, idFor(name, generator.random()));
        } else if (!text.matches("[A-Za-z0-9_.@+\\- ]{1,40}")) {
          object.put(name, generator.text(4, 16));
        }
      }
    }
    return copy;
  }

  /** The ids in a list answer (an array, or an object with data[]), by field. */
  private static List<String> values(Response response, String field) {
    List<String> out = new ArrayList<>();
    if (response.statusCode() != 200) {
      return out;
    }
    try {
      JsonNode root = MAPPER.readTree(response.asString());
      JsonNode items = root.isArray() ? root : root.path("data");
      for (JsonNode item : items) {
        if (item.hasNonNull(field)) {
          out.add(item.get(field).asText());
        }
      }
    } catch (Exception e) {
      // not JSON: no values
    }
    return out;
  }

  /** The id to put in a uuid field of a body or path, by its name. */
  String idFor(String field, Random random) {
    String name = field == null ? "id" : field;
    String lower = name.toLowerCase();
    if (name.equals("id")
        || name.equals("ids")
        || lower.startsWith("merge")
        || name.equals("parentId")) {
      return pick(currentCollection, random);
    }
    if (lower.endsWith("employeeid")
        || lower.endsWith("ownerid")
        || lower.endsWith("managerid")
        || lower.endsWith("supervisorid")
        || lower.equals("companysignatoryid")
        || lower.endsWith("approverid")) {
      return employees.isEmpty()
          ? Api.MANAGER_WANG
          : employees.get(random.nextInt(employees.size()));
    }
    if (lower.endsWith("departmentid")) {
      return departments.get(random.nextInt(departments.size()));
    }
    String collection =
        switch (name) {
          case "customerId" -> "customers";
          case "contactId", "primaryContactId", "customerSignatoryId", "reportsToId" -> "contacts";
          case "productId" -> "products";
          case "categoryId", "productCategoryId" -> "product-categories";
          case "contractId" -> "contracts";
          case "opportunityId" -> "opportunities";
          case "quoteId" -> "quotes";
          case "leadId" -> "leads";
          case "planId" -> "payment-plans";
          case "pipelineId" -> "pipelines";
          default -> null;
        };
    return collection == null ? UUID.randomUUID().toString() : pickAny(collection, random);
  }

  /** One of the fuzzer's own records of a collection (a random id when it has none). */
  private String pick(String collection, Random random) {
    List<String> ids = own.getOrDefault(collection, List.of());
    if (!currentWrite && random.nextBoolean()) {
      ids = readable.getOrDefault(collection, ids);
    }
    if (ids.isEmpty() || (SETUP.contains(collection) && currentWrite)) {
      return UUID.randomUUID().toString();
    }
    return ids.get(random.nextInt(ids.size()));
  }

  /** A record a body may point at: ours mostly, else one the admin can read. */
  private String pickAny(String collection, Random random) {
    List<String> ours = own.getOrDefault(collection, List.of());
    List<String> theirs = readable.getOrDefault(collection, List.of());
    if (!ours.isEmpty() && (theirs.isEmpty() || random.nextInt(100) < 70)) {
      return ours.get(random.nextInt(ours.size()));
    }
    return theirs.isEmpty()
        ? UUID.randomUUID().toString()
        : theirs.get(random.nextInt(theirs.size()));
  }

  // ---- one operation -------------------------------------------------------------------------

  static String collection(Operation op) {
    String[] parts = op.path().split("/");
    return parts.length > 3 ? parts[3] : "";
  }

  /** Reads, and the POSTs that only read (search, preview). */
  static boolean reads(Operation op) {
    return op.method().equals("get")
        || op.path().endsWith("/search")
        || op.path().endsWith("/preview");
  }

  void fuzz(Operation op) {
    OPERATIONS.incrementAndGet();
    Random random = new Random(SEED ^ op.operationId().hashCode());
    SchemaGenerator generator = new SchemaGenerator(document, random, this::idFor);
    boolean setup = SETUP.contains(collection(op)) && !reads(op);
    List<String> failures = new ArrayList<>();
    for (int p = 0; p < PRINCIPALS.size(); p++) {
      Principal who = PRINCIPALS.get(p);
      int valid = p == 0 ? VALID : Math.max(1, VALID / 3);
      int invalid = p == 0 ? INVALID : Math.max(1, INVALID / 3);
      for (int i = 0; i < valid && !setup; i++) {
        send(op, who, validCase(op, generator), failures);
      }
      for (int i = 0; i < invalid; i++) {
        Case c = invalidCase(op, generator, setup);
        if (c != null) {
          send(op, who, c, failures);
        }
      }
    }
    assertTrue(failures.isEmpty(), () -> op + ":\n" + String.join("\n", failures));
  }

  private Case validCase(Operation op, SchemaGenerator generator) {
    Random random = generator.random();
    currentCollection = collection(op);
    currentWrite = !reads(op);
    Case c = new Case("valid", true);
    for (Parameter p : op.parameters()) {
      switch (p.in()) {
        case "path" -> c.path.put(p.name(), pathValue(op, p, generator));
        case "query" -> {
          if (p.required() || random.nextInt(100) < 40) {
            String value = queryValue(op, p, generator);
            if (value != null) {
              c.query.put(p.name(), value);
            }
          }
        }
        case "header" -> {
          String value = headerValue(p, random);
          if (value != null && (p.required() || random.nextInt(100) < 30)) {
            c.headers.put(p.name(), value);
          }
        }
        default -> {}
      }
    }
    if (op.bodySchema() != null) {
      c.contentType = op.bodyContentType();
      c.body = generator.valid(op.bodySchema(), null, 0).toString();
    }
    return c;
  }

  private String pathValue(Operation op, Parameter p, SchemaGenerator generator) {
    Random random = generator.random();
    String collection = collection(op);
    JsonNode schema = generator.resolve(p.schema());
    if ("uuid".equals(schema.path("format").asText()) || p.name().endsWith("Id")) {
      if (p.name().equals("id")) {
        return pick(collection, random);
      }
      if (p.name().equals("externalId")) {
        return "fz-ext-" + Integer.toHexString(random.nextInt());
      }
      if (p.name().equals("employeeId")) {
        return idFor("employeeId", random);
      }
      String target = p.name().equals("quoteId") ? "quotes" : "contracts";
      return pick(target, random);
    }
    String keyed = collection.equals("metadata") ? "metadata" : collection;
    List<String> known = keys.getOrDefault(keyed, List.of());
    boolean real = !known.isEmpty() && (reads(op) || !SETUP.contains(collection));
    if (p.name().equals("code")) {
      return "FZ" + random.nextInt(100000);
    }
    return real ? known.get(random.nextInt(known.size())) : "fz-no-such-" + random.nextInt(1000);
  }

  private String queryValue(Operation op, Parameter p, SchemaGenerator generator) {
    Random random = generator.random();
    return switch (p.name()) {
      case "filter" ->
          List.of("version=ge=1", "id=isnull=false", "createdAt=gt=2020-01-01T00:00:00Z")
              .get(random.nextInt(3));
      case "sort" -> List.of("id", "-id", "createdAt").get(random.nextInt(3));
      case "fields" -> "id,version";
      case "expand", "cursor" -> null;
      case "types" -> List.of("customer.*", "contact.*,lead.*").get(random.nextInt(2));
      case "format" -> random.nextBoolean() ? "csv" : "xlsx";
      case "permanent" -> "false";
      case "includeDeleted" -> Boolean.toString(random.nextBoolean());
      case "resource" -> "customer";
      case "recordId", "employeeId", "departmentId" -> idFor(p.name(), random);
      case "period" -> "2026-" + (random.nextBoolean() ? "12" : "Q4");
      default -> {
        JsonNode value = generator.valid(p.schema(), p.name(), 3);
        yield value.isTextual() ? value.asText() : value.toString();
      }
    };
  }

  private static String headerValue(Parameter p, Random random) {
    return switch (p.name()) {
      case "Idempotency-Key" -> UUID.randomUUID().toString();
      case "If-Match", "If-None-Match" -> "W/\"" + (1 + random.nextInt(3)) + "\"";
      case "Accept-Language" -> random.nextBoolean() ? "en" : "zh-CN";
      default -> null;
    };
  }

  /** The mutations an operation allows: set-up writes get only ones that cannot be accepted. */
  private List<String> mutations(Operation op, boolean setup) {
    List<String> out = new ArrayList<>();
    boolean uuidPath =
        op.parameters().stream()
            .anyMatch(
                p ->
                    p.in().equals("path")
                        && (p.name().equals("id")
                            || p.name().endsWith("Id") && !p.name().equals("externalId")));
    if (uuidPath) {
      out.add("path-bad-uuid");
    }
    if (op.bodySchema() != null) {
      out.addAll(List.of("malformed-json", "wrong-content-type"));
      JsonNode schema = document.resolve(op.bodySchema());
      boolean object = SchemaGenerator.type(schema).equals("object") && schema.has("properties");
      if (setup) {
        if (object) {
          out.add("root-wrong-type");
        }
        if (schema.path("required").size() > 0) {
          out.add("missing-required");
        }
        if (op.bodyRequired()) {
          out.add("empty-body");
        }
        return out;
      }
      out.add("duplicate-key");
      if (op.bodyRequired()) {
        out.add("empty-body");
      }
      if (object) {
        out.addAll(List.of("root-wrong-type", "wrong-type", "breaks-constraint", "unknown-field"));
        if (schema.path("required").size() > 0) {
          out.add("missing-required");
        }
      }
    }
    if (setup) {
      if (op.bodySchema() == null
          && op.parameters().stream()
              .anyMatch(p -> p.in().equals("query") && p.name().endsWith("Id"))) {
        out.add("query-bad-id");
      }
      return out;
    }
    if (op.parameters().stream().anyMatch(p -> p.in().equals("query"))) {
      out.add("query-wrong-type");
    }
    if (op.parameters().stream()
        .anyMatch(p -> p.in().equals("query") && GARBLED.contains(p.name()))) {
      out.add("query-garbage");
    }
    if (op.parameters().stream().anyMatch(p -> p.name().equals("Idempotency-Key"))) {
      out.add("idempotency-key-too-long");
    }
    return out;
  }

  private Case invalidCase(Operation op, SchemaGenerator generator, boolean setup) {
    List<String> kinds = mutations(op, setup);
    if (kinds.isEmpty()) {
      return null;
    }
    Random random = generator.random();
    String kind = kinds.get(random.nextInt(kinds.size()));
    boolean realIds = !setup || kind.equals("malformed-json") || kind.equals("wrong-content-type");
    Case base = validCase(op, generator);
    Case c = new Case(kind, false);
    c.path.putAll(base.path);
    c.query.putAll(base.query);
    c.headers.putAll(base.headers);
    c.contentType = base.contentType;
    c.body = base.body;
    if (setup && !realIds) {
      // refusals of set-up writes go to records and keys that do not exist, in case one passes
      c.path.replaceAll(
          (name, value) ->
              value.matches("[0-9a-f]{8}-.*")
                  ? UUID.randomUUID().toString()
                  : "fz-no-such-" + random.nextInt(1000));
    }
    JsonNode schema = op.bodySchema() == null ? null : document.resolve(op.bodySchema());
    switch (kind) {
      case "path-bad-uuid" -> {
        String name =
            c.path.keySet().stream()
                .filter(n -> n.equals("id") || (n.endsWith("Id") && !n.equals("externalId")))
                .findFirst()
                .orElseThrow();
        c.path.put(
            name,
            List.of(
                    "not-a-uuid",
                    "1234",
                    "0193a000-0000-7000-8000",
                    "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")
                .get(random.nextInt(4)));
      }
      case "malformed-json" ->
          c.body =
              List.of("{", "{\"name\": ", "{\"a\":1,}", "[1,2", "{'name': 'x'}", "nul")
                  .get(random.nextInt(6));
      case "wrong-content-type" ->
          c.contentType =
              List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")
                  .get(random.nextInt(3));
      case "empty-body" -> c.body = "";
      case "root-wrong-type" ->
          c.body = List.of("[]", "\"text\"", "42", "[{}]").get(random.nextInt(4));
      case "duplicate-key" -> {
        JsonNode body = parse(c.body);
        if (body instanceof ObjectNode object && object.size() > 0) {
          String first = object.fieldNames().next();
          c.body = "{\"" + first + "\":" + object.get(first) + "," + c.body.substring(1);
        } else {
          c.body = "{\"fz\":1,\"fz\":2}";
        }
      }
      case "unknown-field" -> {
        ObjectNode body = objectBody(c.body);
        body.put("fuzzUnknownField" + random.nextInt(100), "x");
        c.body = body.toString();
      }
      case "missing-required" -> {
        ObjectNode body = objectBody(c.body);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        body.remove(required.get(random.nextInt(required.size())));
        c.body = body.toString();
      }
      case "wrong-type", "breaks-constraint" -> {
        ObjectNode body = objectBody(c.body);
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        JsonNode value = null;
        String field = null;
        for (int attempt = 0; attempt < 10 && value == null; attempt++) {
          field = names.get(random.nextInt(names.size()));
          JsonNode prop = schema.path("properties").get(field);
          value = kind.equals("wrong-type") ? generator.wrongType(prop) : generator.breaking(prop);
        }
        if (value == null) {
          value = generator.wrongType(schema.path("properties").get(field));
        }
        body.set(field, value);
        c.body = body.toString();
      }
      case "query-wrong-type", "query-bad-id" -> {
        List<Parameter> typed = new ArrayList<>();
        for (Parameter p : op.parameters()) {
          String type = SchemaGenerator.type(generator.resolve(p.schema()));
          if (p.in().equals("query")
              && (type.equals("integer")
                  || type.equals("boolean")
                  || p.name().endsWith("Id")
                  || p.schema().has("enum")
                  || p.name().equals("format"))) {
            typed.add(p);
          }
        }
        if (typed.isEmpty()) {
          c.query.put("limit", "abc");
        } else {
          Parameter p = typed.get(random.nextInt(typed.size()));
          String type = SchemaGenerator.type(generator.resolve(p.schema()));
          c.query.put(
              p.name(),
              switch (type) {
                case "integer" -> badInteger(generator.resolve(p.schema()), random);
                case "boolean" -> "perhaps";
                default -> p.name().endsWith("Id") ? "not-a-uuid" : "FUZZ_NOT_A_VALUE";
              });
        }
      }
      case "query-garbage" -> {
        List<String> names =
            op.parameters().stream().map(Parameter::name).filter(GARBLED::contains).toList();
        String name = names.get(random.nextInt(names.size()));
        {
          c.query.put(
              name,
              List.of(
                      "name===",
                      "((",
                      "nosuchfield==1",
                      "-",
                      "!!!",
                      "%zz",
                      "eyJub3QiOiJhIGN1cnNvciJ9",
                      "custom.x=gt=abc")
                  .get(random.nextInt(8)));
        }
      }
      case "idempotency-key-too-long" ->
          c.headers.put("Idempotency-Key", "k".repeat(256 + random.nextInt(100)));
      default -> throw new IllegalStateException(kind);
    }
    return c;
  }

  /** Query parameters whose value is a little language of its own: garbage there is a 400. */
  static final Set<String> GARBLED = Set.of("filter", "sort", "cursor", "fields", "expand");

  /** A value for an integer parameter that its schema refuses. */
  private static String badInteger(JsonNode schema, Random random) {
    List<String> options = new ArrayList<>(List.of("abc", "1.5", "99999999999999999999"));
    if (schema.has("minimum")) {
      options.add(Long.toString(schema.get("minimum").asLong() - 1));
    }
    if (schema.has("maximum")) {
      options.add(Long.toString(schema.get("maximum").asLong() + 1));
    }
    return options.get(random.nextInt(options.size()));
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      return null;
    }
  }

  private static ObjectNode objectBody(String json) {
    JsonNode node = json == null ? null : parse(json);
    return node instanceof ObjectNode object ? object : MAPPER.createObjectNode();
  }

  // ---- sending and judging -------------------------------------------------------------------

  private void send(Operation op, Principal who, Case c, List<String> failures) {
    RequestSpecification spec = who.api().get();
    if (c.contentType != null) {
      spec.contentType(c.contentType);
    }
    if (c.body != null) {
      // A binary body (an import's file part) goes as the bytes of the generated text.
      boolean binary =
          c.contentType != null && c.contentType.startsWith("application/octet-stream");
      if (binary) {
        spec.body(c.body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else {
        spec.body(c.body);
      }
    }
    c.query.forEach(spec::queryParam);
    c.headers.forEach(spec::header);
    spec.pathParams(c.path);
    boolean watch = !c.valid && !reads(op);
    long[] before = watch ? changeLog() : null;
    Response response = spec.request(op.method().toUpperCase(), op.path());
    CASES.incrementAndGet();
    int status = response.statusCode();
    BY_STATUS.computeIfAbsent(Integer.toString(status), s -> new AtomicInteger()).incrementAndGet();
    BY_CLASS.computeIfAbsent(status / 100 + "xx", s -> new AtomicInteger()).incrementAndGet();
    String where =
        String.format(
            "%s %s as %s [%s] path=%s query=%s headers=%s body=%s → %d %s",
            op.method().toUpperCase(),
            op.path(),
            who.name(),
            c.kind,
            c.path,
            c.query,
            c.headers.keySet(),
            abbreviate(c.body),
            status,
            abbreviate(response.asString()));
    if (status >= 500) {
      fail(op, "5xx", where, failures);
    }
    if (status >= 400 && status < 500) {
      String problem = problemDefect(response);
      if (problem != null) {
        fail(op, "not-problem", problem + ": " + where, failures);
      }
    }
    if (!op.documents(status)) {
      fail(op, "undocumented-" + status, where, failures);
    }
    if (watch && status >= 400) {
      long[] after = changeLog();
      REFUSALS_CHECKED.incrementAndGet();
      if (after[0] != before[0] || after[1] != before[1]) {
        fail(
            op,
            "changed-on-refusal",
            String.format(
                "events %d→%d, history %d→%d: %s", before[0], after[0], before[1], after[1], where),
            failures);
      }
    }
    if (!c.valid && status < 300) {
      if (SETUP.contains(collection(op)) && !reads(op)) {
        fail(op, "accepted-invalid-setup", where, failures);
      } else {
        synchronized (ACCEPTED_INVALID) {
          ACCEPTED_INVALID.add(where);
        }
      }
    }
    if (c.valid && status == 201 && !op.path().contains("convert")) {
      JsonNode created = parse(response.asString());
      String id = created == null ? null : created.path("id").asText(null);
      if (id != null) {
        own.computeIfAbsent(collection(op), k -> new ArrayList<>()).add(id);
      }
    }
  }

  /** Why a 4xx answer is not an RFC 9457 problem with the HTTP status (null when it is). */
  static String problemDefect(Response response) {
    String type = response.contentType();
    if (type == null || !type.startsWith("application/problem+json")) {
      return "Content-Type " + type;
    }
    JsonNode body = parse(response.asString());
    if (body == null || !body.isObject()) {
      return "body not a JSON object";
    }
    if (!body.path("type").isTextual() || body.path("type").asText().isBlank()) {
      return "no type";
    }
    if (!body.path("title").isTextual()) {
      return "no title";
    }
    if (body.path("status").asInt(-1) != response.statusCode()) {
      return "status " + body.path("status") + " is not " + response.statusCode();
    }
    return null;
  }

  private static void fail(Operation op, String kind, String detail, List<String> failures) {
    String why = KnownFailures.why(op.operationId(), kind);
    String line = op.operationId() + " " + kind + ": " + detail;
    synchronized (FAILURES) {
      if (why != null) {
        KNOWN.add(line + " (" + why + ")");
      } else {
        FAILURES.add(line);
        failures.add(line);
      }
    }
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "-";
    }
    if (text.startsWith("PK") || text.chars().anyMatch(ch -> ch == 0xFFFD)) {
      return "<binary, " + text.length() + " chars>";
    }
    return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + ")";
  }

  // ---- GraphQL ---------------------------------------------------------------------------------

  /** Bodies for /graphql: [kind, content type, body, "write" when it tries a mutation]. */
  private List<String[]> graphQlCases(Random random) {
    String json = "application/json";
    String customer = pick("customers", random);
    List<String[]> cases = new ArrayList<>();
    cases.add(
        new String[] {
          "valid", json, query("{ customers(first: 2) { edges { cursor node { id name } } } }"), ""
        });
    cases.add(new String[] {"valid", json, query("{ me { username roles } }"), ""});
    cases.add(
        new String[] {
          "valid",
          json,
          query("{ customer(id: \"" + customer + "\") { id name contacts { id } } }"),
          ""
        });
    cases.add(new String[] {"malformed-query", json, query("{ customers(first: ) {"), ""});
    cases.add(new String[] {"unknown-field", json, query("{ fuzzNoSuchField }"), ""});
    cases.add(new String[] {"empty-query", json, query(""), ""});
    cases.add(new String[] {"no-query", json, "{}", ""});
    cases.add(new String[] {"query-not-text", json, "{\"query\": 42}", ""});
    cases.add(new String[] {"malformed-json", json, "{\"query\": \"{ me { username } }\"", ""});
    cases.add(new String[] {"wrong-content-type", "text/plain", "{ me { username } }", ""});
    cases.add(new String[] {"empty-body", json, "", ""});
    cases.add(
        new String[] {
          "variable-wrong-type",
          json,
          "{\"query\": \"query($n: Int) { customers(first: $n) { edges { cursor } } }\","
              + " \"variables\": {\"n\": \"abc\"}}",
          ""
        });
    cases.add(
        new String[] {
          "out-of-range",
          json,
          query(
              "{ customers(first: "
                  + (random.nextBoolean() ? -1 : 100000)
                  + ") { edges { cursor } } }"),
          ""
        });
    cases.add(
        new String[] {"bad-uuid", json, query("{ customer(id: \"not-a-uuid\") { id } }"), ""});
    cases.add(
        new String[] {
          "bad-filter",
          json,
          query("{ customers(first: 1, filter: \"name===((\") { edges { cursor } } }"),
          ""
        });
    StringBuilder deep = new StringBuilder("{ customers(first: 1) { edges { node { id ");
    for (int i = 0; i < 12; i++) {
      deep.append("contacts { customer { ");
    }
    deep.append("id");
    deep.append(" } }".repeat(12)).append(" } } } }");
    cases.add(new String[] {"too-deep", json, query(deep.toString()), ""});
    cases.add(
        new String[] {
          "invalid-create",
          json,
          query("mutation { createCustomer(input: {name: \"\"}) { id } }"),
          "write"
        });
    cases.add(
        new String[] {
          "invalid-update",
          json,
          query(
              "mutation { updateCustomer(id: \""
                  + customer
                  + "\", input: {fuzzUnknownField: 1}) { id } }"),
          "write"
        });
    cases.add(
        new String[] {
          "bad-uuid-delete", json, query("mutation { deleteCustomer(id: \"1234\") }"), "write"
        });
    return cases;
  }

  private static String query(String graphQl) {
    return MAPPER.createObjectNode().put("query", graphQl).toString();
  }

  void fuzzGraphQl() {
    Random random = new Random(SEED ^ "graphql".hashCode());
    List<String> failures = new ArrayList<>();
    Operation op =
        new Operation(
            "post",
            "/graphql",
            "graphql",
            List.of(),
            "application/json",
            null,
            null,
            true,
            Set.of("200", "400", "401", "403", "413", "415", "422", "503"));
    currentWrite = false;
    for (Principal who : PRINCIPALS) {
      for (String[] c : graphQlCases(random)) {
        boolean write = c[3].equals("write");
        long[] before = write ? changeLog() : null;
        RequestSpecification spec = who.api().get().contentType(c[1]).body(c[2]);
        Response response = spec.post("/graphql");
        CASES.incrementAndGet();
        int status = response.statusCode();
        BY_STATUS
            .computeIfAbsent(Integer.toString(status), k -> new AtomicInteger())
            .incrementAndGet();
        BY_CLASS.computeIfAbsent(status / 100 + "xx", k -> new AtomicInteger()).incrementAndGet();
        String where =
            String.format(
                "POST /graphql as %s [%s] body=%s → %d %s",
                who.name(), c[0], abbreviate(c[2]), status, abbreviate(response.asString()));
        if (status >= 500) {
          fail(op, "5xx", where, failures);
        } else if (status >= 400) {
          String problem = problemDefect(response);
          if (problem != null) {
            fail(op, "not-problem", problem + ": " + where, failures);
          }
        } else if (status == 200) {
          JsonNode body = parse(response.asString());
          boolean errors = body != null && body.path("errors").size() > 0;
          if (body == null || (!body.has("data") && !errors)) {
            fail(op, "not-graphql", where, failures);
          } else if (!c[0].equals("valid") && !errors) {
            synchronized (ACCEPTED_INVALID) {
              ACCEPTED_INVALID.add(where);
            }
          }
        }
        if (!op.documents(status)) {
          fail(op, "undocumented-" + status, where, failures);
        }
        if (write) {
          long[] after = changeLog();
          REFUSALS_CHECKED.incrementAndGet();
          if (after[0] != before[0] || after[1] != before[1]) {
            fail(op, "changed-on-refusal", where, failures);
          }
        }
      }
    }
    OPERATIONS.incrementAndGet();
    assertTrue(failures.isEmpty(), () -> "/graphql:\n" + String.join("\n", failures));
  }

  /** The number of events (published or not) and history entries: a refused write adds none. */
  private long[] changeLog() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM history_entries)")) {
      rows.next();
      return new long[] {rows.getLong(1), rows.getLong(2)};
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
