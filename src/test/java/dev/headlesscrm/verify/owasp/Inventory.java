package dev.headlesscrm.verify.owasp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The committed API inventory ({@code openapi/openapi.yaml}, drift-tested against the served one):
 * the OWASP checks iterate over its operations instead of a hand list, so a route added tomorrow is
 * probed without a line here.
 */
public final class Inventory {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

  /** One documented operation. */
  public record Operation(String method, String path, JsonNode node) {
    public String operationId() {
      return node.path("operationId").asText();
    }

    /** The collection path the operation belongs to ({@code /api/v1/customers}). */
    String collection() {
      String[] parts = path.split("/");
      return parts.length < 4 ? path : "/" + parts[1] + "/" + parts[2] + "/" + parts[3];
    }

    /** The example of the JSON request body, or null. */
    JsonNode requestExample() {
      JsonNode content = node.path("requestBody").path("content");
      for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
        JsonNode example = it.next().getValue().path("example");
        if (!example.isMissingNode()) {
          return example.deepCopy();
        }
      }
      return null;
    }

    /** The schema of the JSON request body (resolved), or a missing node. */
    JsonNode requestSchema() {
      JsonNode content = node.path("requestBody").path("content");
      for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
        return resolve(it.next().getValue().path("schema"));
      }
      return JSON.missingNode();
    }

    /** The schema of the first 2xx JSON response (resolved), or a missing node. */
    JsonNode responseSchema() {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.path("responses").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> response = it.next();
        if (response.getKey().startsWith("2")) {
          JsonNode schema = response.getValue().path("content").path("application/json");
          if (!schema.isMissingNode()) {
            return resolve(schema.path("schema"));
          }
        }
      }
      return JSON.missingNode();
    }

    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  private static final JsonNode DOCUMENT = load();

  private Inventory() {}

  private static JsonNode load() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode document() {
    return DOCUMENT;
  }

  /** Every documented operation under /api, in document order. */
  public static List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = DOCUMENT.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          out.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
        }
      }
    }
    return out;
  }

  /** Documented methods per path. */
  static Map<String, Set<String>> methodsByPath() {
    Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
    for (Operation op : operations()) {
      out.computeIfAbsent(op.path(), p -> new LinkedHashSet<>()).add(op.method());
    }
    return out;
  }

  /** A schema with its $ref (and a single allOf) followed. */
  static JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int i = 0; i < 10 && current != null; i++) {
      if (current.has("$ref")) {
        String ref = current.get("$ref").asText();
        current = DOCUMENT.at(ref.substring(1));
      } else if (current.has("allOf") && current.get("allOf").size() == 1) {
        current = current.get("allOf").get(0);
      } else {
        return current;
      }
    }
    return current;
  }

  /** The names of the properties of a (resolved) object schema. */
  static List<String> properties(JsonNode schema) {
    List<String> out = new ArrayList<>();
    resolve(schema).path("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Whether the (resolved) object schema marks the property readOnly. */
  static boolean readOnly(JsonNode schema, String property) {
    JsonNode p = resolve(schema).path("properties").path(property);
    return p.path("readOnly").asBoolean(false) || resolve(p).path("readOnly").asBoolean(false);
  }

  /** A value of the schema's shape: what a client would send when the inventory has no example. */
  static JsonNode sample(JsonNode schema) {
    JsonNode s = resolve(schema);
    String type =
        s.path("type").isArray() ? s.path("type").path(0).asText() : s.path("type").asText();
    if (s.has("properties") || type.equals("object")) {
      ObjectNode out = object();
      s.path("properties")
          .fields()
          .forEachRemaining(p -> out.set(p.getKey(), sample(p.getValue())));
      return out;
    }
    return switch (type) {
      case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
      case "boolean" -> JSON.getNodeFactory().booleanNode(true);
      case "array" -> JSON.createArrayNode();
      default -> JSON.getNodeFactory().textNode("x");
    };
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
