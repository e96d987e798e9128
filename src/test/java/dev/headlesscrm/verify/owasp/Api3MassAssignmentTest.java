package dev.headlesscrm.verify.owasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource.Route;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * OWASP API3:2023 broken object property level authorisation — mass assignment — on every writable
 * resource of the inventory. API.md §3: "read-only fields (id, version, audit fields, computed
 * totals) are rejected when they differ". The read-only properties are derived, not listed: those
 * of the record schema {@code POST /x} answers that its request schema lacks ({@code id}, {@code
 * version}, audit fields, {@code ownerDepartmentId}, generated numbers, computed totals,
 * states...). Each, with a forged value, is sent on create and on a JSON Merge Patch of a record
 * made by {@link Fixtures}: 422 naming the field, nothing created, the record's version and the
 * field's value unchanged. Hidden (field-permission) properties are in {@link
 * dev.headlesscrm.security.FieldPermissionTest} and {@link
 * dev.headlesscrm.security.SecurityMatrixTest}.
 */
@QuarkusTest
class Api3MassAssignmentTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";
  private static int cases;
  private static int skipped;

  @Inject Instance<ReadOnlyRecordResource<?>> resources;
  @Inject ResourceRegistry registry;

  /** Properties of the answer that the request cannot carry. */
  static Set<String> readOnly(Inventory.Operation create) {
    Set<String> out = new LinkedHashSet<>(Inventory.properties(create.responseSchema()));
    out.removeAll(Inventory.properties(create.requestSchema()));
    return out;
  }

  /** A value of the property's type that no record of this run holds. */
  static JsonNode forged(JsonNode schema, JsonNode current) {
    JsonNode s = Inventory.resolve(schema);
    String type =
        s.path("type").isArray() ? s.path("type").path(0).asText() : s.path("type").asText();
    String format = s.path("format").asText();
    var f = Inventory.JSON.getNodeFactory();
    if (s.has("enum")) {
      for (JsonNode option : s.path("enum")) {
        if (!option.equals(current)) {
          return option;
        }
      }
    }
    return switch (type) {
      case "integer" ->
          f.numberNode(current != null && current.asLong() == 424242 ? 424243 : 424242);
      case "number" -> f.numberNode(424242.42);
      case "boolean" -> f.booleanNode(current == null || !current.asBoolean());
      case "array" -> f.arrayNode().add(f.objectNode());
      case "object" -> f.objectNode().put("forged", "x");
      default ->
          switch (format) {
            case "date-time" -> f.textNode("2001-02-03T04:05:06Z");
            case "date" -> f.textNode("2001-02-03");
            default ->
                s.has("pattern") || format.equals("uuid") || schema.toString().contains("UUID")
                    ? f.textNode(UUID.randomUUID().toString())
                    : f.textNode("FORGED-" + UUID.randomUUID().toString().substring(0, 6));
          };
    };
  }

  private static boolean namesField(Response response, String field) {
    List<String> fields = response.jsonPath().getList("errors.field");
    return fields != null
        && fields.stream().anyMatch(f -> f.equals(field) || f.startsWith(field + "."));
  }

  @TestFactory
  Stream<DynamicNode> everyReadOnlyPropertyIsRefusedOnCreateAndPatch() {
    Fixtures fixtures = new Fixtures(resources, registry);
    List<DynamicNode> out = new ArrayList<>();
    for (Route route : fixtures.routes().values()) {
      Inventory.Operation create = Fixtures.createOperation(route.path());
      if (route.input() == null || create == null) {
        continue;
      }
      JsonNode schema = Inventory.resolve(create.responseSchema());
      List<DynamicTest> tests = new ArrayList<>();
      String[] record = new String[1];
      for (String property : readOnly(create)) {
        JsonNode propertySchema = schema.path("properties").path(property);
        tests.add(
            DynamicTest.dynamicTest(
                "create with " + property,
                () -> {
                  ObjectNode body = fixtures.body(route, ZHANG, 0);
                  body.set(property, forged(propertySchema, null));
                  Response response = Api.asAdmin().body(body.toString()).post(route.path());
                  ErrorBodies.seen("POST " + route.path() + " " + property, response);
                  cases++;
                  assertEquals(
                      422, response.statusCode(), () -> property + ": " + response.asString());
                  assertTrue(
                      namesField(response, property), () -> property + ": " + response.asString());
                }));
        tests.add(
            DynamicTest.dynamicTest(
                "patch with " + property,
                () -> {
                  if (record[0] == null) {
                    try {
                      record[0] = fixtures.create(route, ZHANG, 0);
                    } catch (AssertionError cannot) {
                      record[0] = "";
                      System.out.println(
                          "[OWASP API3] no fixture for "
                              + route.path()
                              + ": "
                              + cannot.getMessage());
                    }
                  }
                  if (record[0] == null || record[0].isEmpty()) {
                    skipped++;
                    return;
                  }
                  String path = route.path() + "/" + record[0];
                  JsonNode before =
                      Inventory.JSON.readTree(
                          Api.asAdmin().get(path).then().statusCode(200).extract().asString());
                  ObjectNode patch = Inventory.object();
                  patch.set(property, forged(propertySchema, before.get(property)));
                  Response response =
                      Api.asAdmin()
                          .contentType("application/merge-patch+json")
                          .body(patch.toString())
                          .patch(path);
                  ErrorBodies.seen("PATCH " + route.path() + " " + property, response);
                  cases++;
                  assertEquals(
                      422, response.statusCode(), () -> property + ": " + response.asString());
                  assertTrue(
                      namesField(response, property), () -> property + ": " + response.asString());
                  JsonNode after =
                      Inventory.JSON.readTree(
                          Api.asAdmin().get(path).then().statusCode(200).extract().asString());
                  assertEquals(before.get("version"), after.get("version"));
                  assertEquals(before.get(property), after.get(property), property);
                }));
      }
      out.add(
          DynamicContainer.dynamicContainer(
              route.resource() + " " + readOnly(create), tests.stream()));
    }
    return out.stream();
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "[OWASP API3] %d forged read-only properties refused (%d patch cases without a fixture)%n",
        cases, skipped);
    ErrorBodies.verify("API3");
  }
}
