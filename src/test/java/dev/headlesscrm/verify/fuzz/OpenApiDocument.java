package dev.headlesscrm.verify.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The committed contract (openapi/openapi.yaml) read with Jackson YAML: its operations with their
 * parameters, request bodies and documented statuses, and {@code $ref}s resolved on demand.
 */
final class OpenApiDocument {

  static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  record Parameter(String name, String in, boolean required, JsonNode schema) {}

  record Operation(
      String method,
      String path,
      String operationId,
      List<Parameter> parameters,
      String bodyContentType,
      JsonNode bodySchema,
      JsonNode bodyExample,
      boolean bodyRequired,
      Set<String> statuses) {

    boolean documents(int status) {
      return statuses.contains(Integer.toString(status))
          || statuses.contains(status / 100 + "XX")
          || statuses.contains("default");
    }

    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  private final JsonNode root;

  OpenApiDocument(Path file) throws IOException {
    this.root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
  }

  List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op == null) {
          continue;
        }
        Map<String, Parameter> params = new LinkedHashMap<>();
        for (JsonNode level : List.of(path.getValue().path("parameters"), op.path("parameters"))) {
          for (JsonNode p : level) {
            JsonNode resolved = resolve(p);
            params.put(
                resolved.path("in").asText() + ":" + resolved.path("name").asText(),
                new Parameter(
                    resolved.path("name").asText(),
                    resolved.path("in").asText(),
                    resolved.path("required").asBoolean(false),
                    resolve(resolved.path("schema"))));
          }
        }
        String contentType = null;
        JsonNode schema = null;
        JsonNode example = null;
        boolean required = false;
        JsonNode body = op.get("requestBody");
        if (body != null) {
          body = resolve(body);
          required = body.path("required").asBoolean(false);
          Iterator<Map.Entry<String, JsonNode>> contents = body.path("content").fields();
          if (contents.hasNext()) {
            Map.Entry<String, JsonNode> first = contents.next();
            contentType = first.getKey();
            schema = first.getValue().path("schema");
            example = first.getValue().get("example");
          }
        }
        Set<String> statuses = new LinkedHashSet<>();
        op.path("responses").fieldNames().forEachRemaining(statuses::add);
        out.add(
            new Operation(
                method,
                path.getKey(),
                op.path("operationId").asText(),
                List.copyOf(params.values()),
                contentType,
                schema,
                example,
                required,
                statuses));
      }
    }
    return out;
  }

  /**
   * A node with its {@code $ref} followed; keys beside the reference (type, description...) are
   * kept over the target's, as the generated document puts them there.
   */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
      String ref = current.get("$ref").asText();
      JsonNode target = root;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part);
      }
      ObjectNode merged = ((ObjectNode) target).deepCopy();
      Iterator<Map.Entry<String, JsonNode>> siblings = current.fields();
      while (siblings.hasNext()) {
        Map.Entry<String, JsonNode> sibling = siblings.next();
        if (!sibling.getKey().equals("$ref")
            && !(sibling.getKey().equals("type") && merged.has("enum"))) {
          merged.set(sibling.getKey(), sibling.getValue());
        }
      }
      current = merged;
    }
    return current;
  }
}
