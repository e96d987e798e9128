package dev.headlesscrm.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the committed OpenAPI document promises an integrator beyond what Spectral checks: every
 * operation described, a whole request and response example on every write, and the shared
 * parameters with their bounds, enums and field lists (ContractDriftTest keeps the file equal to
 * what the service serves).
 */
class ContractCompletenessTest {

  private static JsonNode paths;
  private static JsonNode sharedResponses;

  @BeforeAll
  static void read() throws IOException {
    JsonNode contract =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
    paths = contract.path("paths");
    sharedResponses = contract.path("components").path("responses");
  }

  /** A response as declared, or the shared one it refers to (#/components/responses/...). */
  private static JsonNode resolved(JsonNode response) {
    String ref = response.path("$ref").asText();
    String prefix = "#/components/responses/";
    return ref.startsWith(prefix) ? sharedResponses.path(ref.substring(prefix.length())) : response;
  }

  private interface Check {
    void on(String method, String path, JsonNode operation, List<String> gaps);
  }

  private static List<String> walk(Check check) {
    List<String> gaps = new ArrayList<>();
    for (Map.Entry<String, JsonNode> p : paths.properties()) {
      for (Map.Entry<String, JsonNode> m : p.getValue().properties()) {
        if (m.getValue().has("responses")) {
          check.on(m.getKey(), p.getKey(), m.getValue(), gaps);
        }
      }
    }
    return gaps;
  }

  @Test
  void everyOperationHasASummaryAndADescription() {
    assertEquals(
        List.of(),
        walk(
            (method, path, op, gaps) -> {
              if (op.path("summary").asText().isBlank()
                  || op.path("description").asText().isBlank()) {
                gaps.add(method + " " + path);
              }
            }));
  }

  @Test
  void everyWriteShowsAWholeRequestAndResponse() {
    Set<String> writes = Set.of("post", "put", "patch");
    assertEquals(
        List.of(),
        walk(
            (method, path, op, gaps) -> {
              if (!writes.contains(method)) {
                return;
              }
              JsonNode body = op.path("requestBody").path("content").path("application/json");
              if (!body.isMissingNode() && !body.has("example")) {
                gaps.add("request of " + method + " " + path);
              }
              for (String status : List.of("200", "201")) {
                JsonNode out =
                    op.path("responses").path(status).path("content").path("application/json");
                if (!out.isMissingNode() && !out.has("example")) {
                  gaps.add(status + " of " + method + " " + path);
                }
              }
            }));
  }

  @Test
  void everyOperationDocumentsTheProblemsItCanAnswer() {
    assertEquals(
        List.of(),
        walk(
            (method, path, op, gaps) -> {
              if (!path.startsWith("/api/")) {
                return;
              }
              List<String> expected = new ArrayList<>(List.of("400", "401", "403", "500", "503"));
              if (op.has("requestBody")) {
                expected.addAll(List.of("413", "415", "422"));
              }
              if (method.equals("patch") || method.equals("delete") && path.endsWith("{id}")) {
                expected.addAll(List.of("412", "428"));
              }
              for (String status : expected) {
                JsonNode problem =
                    resolved(op.path("responses").path(status))
                        .path("content")
                        .path("application/problem+json");
                if (problem.isMissingNode()) {
                  gaps.add(status + " of " + method + " " + path);
                }
              }
            }));
  }

  @Test
  void sharedParametersCarryTheirBoundsEnumsAndFields() {
    List<String> gaps =
        walk(
            (method, path, op, out) -> {
              for (JsonNode p : op.path("parameters")) {
                String name = p.path("name").asText();
                JsonNode schema = p.path("schema");
                String where = name + " of " + method + " " + path;
                if (p.path("description").asText().isBlank() && !p.has("$ref")) {
                  out.add("no description: " + where);
                }
                if (name.equals("limit") && (!schema.has("minimum") || !schema.has("maximum"))) {
                  out.add("unbounded: " + where);
                }
                if (name.equals("format") && !schema.has("enum")) {
                  out.add("no enum: " + where);
                }
                if (name.equals("filter")
                    && !p.path("description").asText().contains("Filterable: ")) {
                  out.add("no field list: " + where);
                }
                if (name.equals("sort") && !p.path("description").asText().contains("Sortable: ")) {
                  out.add("no field list: " + where);
                }
              }
            });
    assertEquals(List.of(), gaps);
    JsonNode limit = null;
    for (JsonNode p : paths.path("/api/v1/customers").path("get").path("parameters")) {
      if (p.path("name").asText().equals("limit")) {
        limit = p.path("schema");
      }
    }
    assertEquals(1, limit.path("minimum").asInt());
    assertEquals(500, limit.path("maximum").asInt());
    assertEquals(50, limit.path("default").asInt());
  }
}
