package dev.headlesscrm.verify.owasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CollectionNames;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * OWASP API4:2023 unrestricted resource consumption, over the committed inventory: every list that
 * documents {@code limit} refuses a page over the maximum (API.md §2: 500), every {@code /search}
 * refuses the same in its body, every {@code /batch} refuses more than 1,000 operations (§3), every
 * GraphQL list refuses {@code first} over 500, and a GraphQL query that multiplies an expensive
 * list by aliases is refused before it runs. The 10 MB body, URL and header limits of REST and
 * GraphQL are in {@link dev.headlesscrm.platform.HttpLimitsTest}; GraphQL depth and field
 * complexity in {@link dev.headlesscrm.platform.graphql.GraphQlRefusalsTest} — here one more body
 * route (batch) is checked against the body limit.
 */
@QuarkusTest
class Api4ResourceConsumptionTest {

  static final int MAX_LIMIT = 500;
  static final int MAX_BATCH = 1000;
  private static int cases;

  @Inject Instance<ReadOnlyRecordResource<?>> resources;

  private static void problem(String what, Response response, int... statuses) {
    ErrorBodies.seen(what, response);
    cases++;
    assertTrue(
        Arrays.stream(statuses).anyMatch(s -> s == response.statusCode()),
        () -> what + " answered " + response.statusCode() + ": " + response.asString());
    assertTrue(
        response.contentType().startsWith("application/problem+json"),
        () -> what + ": " + response.contentType());
    assertNotNull(response.jsonPath().getString("type"), what);
  }

  /**
   * The documented maximum of the operation's {@code limit} (API.md: 500 for lists; the event feed
   * documents its own), or -1 when the operation takes no limit or needs other parameters first.
   */
  private static int documentedMaximum(Inventory.Operation op) {
    int max = -1;
    for (var p : op.node().path("parameters")) {
      var resolved = Inventory.resolve(p);
      if ("limit".equals(resolved.path("name").asText())) {
        max = Inventory.resolve(resolved.path("schema")).path("maximum").asInt(MAX_LIMIT);
      } else if (resolved.path("required").asBoolean(false)) {
        return -1;
      }
    }
    return max;
  }

  @TestFactory
  Stream<DynamicNode> everyListRefusesAPageOverTheMaximum() {
    List<DynamicNode> tests = new ArrayList<>();
    for (Inventory.Operation op : Inventory.operations()) {
      int max = documentedMaximum(op);
      if (op.method().equals("get") && !op.path().contains("{") && max > 0) {
        tests.add(
            DynamicTest.dynamicTest(
                op + "?limit=" + (max + 1),
                () -> {
                  problem(
                      op.toString(),
                      Api.asAdmin().queryParam("limit", max + 1).get(op.path()),
                      400);
                  problem(
                      op.toString(),
                      Api.asAdmin().queryParam("limit", 1_000_000).get(op.path()),
                      400);
                }));
      }
      if (op.method().equals("post") && op.path().endsWith("/search")) {
        tests.add(
            DynamicTest.dynamicTest(
                op + " {limit: " + (MAX_LIMIT + 1) + "}",
                () ->
                    problem(
                        op.toString(),
                        Api.asAdmin().body(Map.of("limit", MAX_LIMIT + 1)).post(op.path()),
                        400,
                        422)));
      }
    }
    assertTrue(tests.size() > 30, "lists and searches in the inventory: " + tests.size());
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicNode> everyBatchRefusesMoreThanAThousandOperations() {
    List<DynamicNode> tests = new ArrayList<>();
    for (Inventory.Operation op : Inventory.operations()) {
      if (op.method().equals("post") && op.path().endsWith("/batch")) {
        tests.add(
            DynamicTest.dynamicTest(
                op + " with " + (MAX_BATCH + 1) + " operations",
                () -> {
                  List<Map<String, Object>> operations = new ArrayList<>();
                  for (int i = 0; i <= MAX_BATCH; i++) {
                    operations.add(Map.of("op", "delete", "id", UUID.randomUUID().toString()));
                  }
                  Response response =
                      Api.asAdmin()
                          .body(Map.of("atomic", false, "operations", operations))
                          .post(op.path());
                  problem(op.toString(), response, 400, 413, 422);
                  assertFalse(response.asString().contains("\"results\""), op.toString());
                }));
      }
    }
    assertTrue(tests.size() >= 15, "batch routes in the inventory: " + tests.size());
    return tests.stream();
  }

  @Test
  void aBatchBodyOverTheSizeLimitIsA413() {
    String path =
        Inventory.operations().stream()
            .filter(op -> op.method().equals("post") && op.path().endsWith("/batch"))
            .findFirst()
            .orElseThrow()
            .path();
    char[] padding = new char[10 * 1024 * 1024 + 16];
    Arrays.fill(padding, 'x');
    problem(
        path + " 10 MB",
        Api.as("rep.zhang")
            .body(
                "{\"atomic\":true,\"operations\":[{\"op\":\"create\",\"data\":{\"name\":\""
                    + new String(padding)
                    + "\"}}]}")
            .post(path),
        413);
  }

  private List<String> graphQlLists() {
    List<String> out = new ArrayList<>();
    for (ReadOnlyRecordResource<?> resource : resources) {
      String path = resource.route().path();
      if (path != null) {
        out.add(CollectionNames.camel(CollectionNames.pascal(CollectionNames.collection(path))));
      }
    }
    return out;
  }

  private static void graphQlRefused(String what, String query) {
    Response response = Api.as("analyst.liu").body(Map.of("query", query)).post("/graphql");
    ErrorBodies.seen(what, response);
    cases++;
    assertEquals(200, response.statusCode(), response::asString);
    List<Object> errors = response.jsonPath().getList("errors");
    assertTrue(errors != null && !errors.isEmpty(), () -> what + ": " + response.asString());
    assertNotNull(
        response.jsonPath().getString("errors[0].extensions.code"),
        () -> what + ": " + response.asString());
    Object data = response.jsonPath().get("data");
    assertTrue(
        data == null || !response.asString().contains("\"edges\":[{"),
        () -> what + " returned rows: " + response.asString());
  }

  @TestFactory
  Stream<DynamicNode> everyGraphQlListRefusesFirstOverTheMaximum() {
    List<DynamicNode> tests = new ArrayList<>();
    for (String field : graphQlLists()) {
      tests.add(
          DynamicTest.dynamicTest(
              field + "(first: " + (MAX_LIMIT + 1) + ")",
              () ->
                  graphQlRefused(
                      field,
                      "{ " + field + "(first: " + (MAX_LIMIT + 1) + ") { edges { cursor } } }")));
    }
    return tests.stream();
  }

  @Test
  void aliasesMultiplyingAnExpensiveListAreRefusedBeforeRunning() {
    StringBuilder query = new StringBuilder("{");
    for (int i = 0; i < 60; i++) {
      query
          .append(" a")
          .append(i)
          .append(": customers(first: ")
          .append(MAX_LIMIT)
          .append(") { totalCount edges { node { id name } } }");
    }
    graphQlRefused("60 aliases of customers(first: 500)", query.append(" }").toString());
    StringBuilder across = new StringBuilder("{");
    int i = 0;
    for (String field : graphQlLists()) {
      for (int k = 0; k < 3; k++) {
        across
            .append(" a")
            .append(i++)
            .append(": ")
            .append(field)
            .append("(first: ")
            .append(MAX_LIMIT)
            .append(") { totalCount edges { cursor } }");
      }
    }
    graphQlRefused("every list three times by aliases", across.append(" }").toString());
    StringBuilder withoutFirst = new StringBuilder("{");
    for (int k = 0; k < 11; k++) {
      withoutFirst.append(" b").append(k).append(": customers { edges { cursor } }");
    }
    graphQlRefused("11 aliases of customers", withoutFirst.append(" }").toString());
    StringBuilder byVariable = new StringBuilder("query($n: Int) {");
    for (int k = 0; k < 10; k++) {
      byVariable.append(" c").append(k).append(": customers(first: $n) { edges { cursor } }");
    }
    Response response =
        Api.as("analyst.liu")
            .body(
                Map.of("query", byVariable.append(" }").toString(), "variables", Map.of("n", 501)))
            .post("/graphql");
    ErrorBodies.seen("first by variable", response);
    cases++;
    assertNotNull(response.jsonPath().getString("errors[0].extensions.code"), response::asString);
    // within the limits the same shape runs
    Api.as("analyst.liu")
        .body(Map.of("query", byVariable.toString(), "variables", Map.of("n", 5)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", org.hamcrest.Matchers.nullValue());
  }

  @AfterAll
  static void report() {
    System.out.printf("[OWASP API4] %d resource-consumption refusals%n", cases);
    ErrorBodies.verify("API4");
  }
}
