package dev.headlesscrm.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.CollectionNames;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * REST and GraphQL offer the same services (API.md §6): every REST operation the service serves has
 * its GraphQL twin in the served schema, by name ({@code listX}/{@code getX} → query {@code x};
 * everything else → the mutation or query of the same name). What GraphQL deliberately leaves to
 * REST is named here with the reason, and nothing else may be missing.
 */
@QuarkusTest
class GraphQlParityTest {

  /** REST operations with no GraphQL twin by design, and why. */
  private static final Map<Pattern, String> REST_ONLY =
      Map.of(
          Pattern.compile("^export[A-Z]\\w*$"), "a CSV/XLSX file stream",
          Pattern.compile("^search[A-Z]\\w*$"), "the list query takes the same parameters",
          Pattern.compile("^batch[A-Z]\\w*$"), "bulk writes with per-item results; REST only",
          Pattern.compile("^setRoleFieldPermissions$"), "a map of maps GraphQL cannot type well",
          Pattern.compile("^uploadImportPart$"), "the bytes of an import's file");

  @Inject Instance<ReadOnlyRecordResource<?>> resources;
  @Inject ObjectMapper json;

  @Test
  void everyRestOperationHasItsGraphQlTwin() throws Exception {
    JsonNode openApi =
        json.readTree(
            given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    TypeDefinitionRegistry sdl =
        new SchemaParser()
            .parse(
                given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString());
    Set<String> queries = fields(sdl, "Query");
    Set<String> mutations = fields(sdl, "Mutation");

    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/v1/")) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String id = op.getValue().path("operationId").asText("");
        if (id.isEmpty() || restOnly(id, path.getKey())) {
          continue;
        }
        checked++;
        if (!queries.contains(twin(id)) && !mutations.contains(twin(id))) {
          missing.add(op.getKey().toUpperCase() + " " + path.getKey() + " (" + id + ")");
        }
      }
    }
    assertTrue(checked > 150, "the walk saw " + checked + " operations");
    assertEquals(List.of(), missing, "REST operations without a GraphQL twin");
  }

  @Test
  void everyRegisteredResourceHasTheWholeRecordSetInGraphQl() {
    TypeDefinitionRegistry sdl =
        new SchemaParser()
            .parse(
                given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString());
    Set<String> queries = fields(sdl, "Query");
    Set<String> mutations = fields(sdl, "Mutation");
    List<String> missing = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ReadOnlyRecordResource<?> resource : resources) {
      ReadOnlyRecordResource.Route route = resource.route();
      if (route.path() == null || !seen.add(route.path())) {
        continue;
      }
      String plural = CollectionNames.pascal(CollectionNames.collection(route.path()));
      String singular = CollectionNames.singular(plural);
      List<String> wantedQueries = new ArrayList<>(List.of(lower(singular), lower(plural)));
      List<String> wantedMutations = new ArrayList<>();
      if (route.input() != null) {
        wantedMutations.addAll(
            List.of(
                "create" + singular,
                "update" + singular,
                "delete" + singular,
                "restore" + singular));
      }
      if (route.owned()) {
        wantedQueries.add(lower(singular) + "TeamMembers");
        wantedMutations.addAll(
            List.of(
                "transfer" + singular,
                "add" + singular + "TeamMember",
                "remove" + singular + "TeamMember"));
      }
      wantedQueries.stream()
          .filter(q -> !queries.contains(q))
          .forEach(q -> missing.add("query " + q));
      wantedMutations.stream()
          .filter(m -> !mutations.contains(m))
          .forEach(m -> missing.add("mutation " + m));
    }
    assertTrue(seen.size() >= 15, "registered resources seen: " + seen);
    assertEquals(List.of(), missing, "registered resources missing GraphQL operations");
  }

  private static boolean restOnly(String id, String path) {
    if (path.endsWith("/transfer") && !path.contains("{")) {
      return true; // bulk transfer: per-item results, as batch
    }
    return REST_ONLY.keySet().stream().anyMatch(p -> p.matcher(id).matches());
  }

  /** Twins whose GraphQL name reads better than the operationId. */
  private static final Map<String, String> RENAMED =
      Map.of(
          "findDuplicateCustomers", "customerDuplicates",
          "opportunityStageHistory", "opportunity"); // the stageHistory field of an opportunity

  /** listCustomers → customers, getCustomer → customer, anything else keeps its name. */
  static String twin(String operationId) {
    if (RENAMED.containsKey(operationId)) {
      return RENAMED.get(operationId);
    }
    if (operationId.matches("^get[A-Z]\\w*History$")) {
      // One query serves every resource's history: recordHistory(resource, id).
      return "recordHistory";
    }
    Matcher m = Pattern.compile("^(list|get)([A-Z]\\w*)$").matcher(operationId);
    return m.matches() ? lower(m.group(2)) : operationId;
  }

  private static String lower(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static Set<String> fields(TypeDefinitionRegistry sdl, String type) {
    Set<String> names = new HashSet<>();
    sdl.getType(type, ObjectTypeDefinition.class)
        .ifPresent(
            t ->
                t.getFieldDefinitions().stream().map(FieldDefinition::getName).forEach(names::add));
    sdl.objectTypeExtensions()
        .getOrDefault(type, List.of())
        .forEach(
            t ->
                t.getFieldDefinitions().stream().map(FieldDefinition::getName).forEach(names::add));
    return names;
  }
}
