package dev.headlesscrm.verify.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Values from the contract's schemas on a seeded {@link Random}: valid ones (required fields,
 * types, formats, enums, lengths, ranges, the simple patterns the document uses, code-like
 * examples) and mutations of them that break exactly one rule.
 */
final class SchemaGenerator {

  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final String CHINESE = "华东销售客户合同报价订单北京上海科技有限公司张王李";
  private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789";

  private final OpenApiDocument document;
  private final Random random;

  /** The id to put in a uuid field, by field name (null: a random one). */
  private final BiFunction<String, Random, String> ids;

  SchemaGenerator(OpenApiDocument document, Random random, BiFunction<String, Random, String> ids) {
    this.document = document;
    this.random = random;
    this.ids = ids;
  }

  Random random() {
    return random;
  }

  JsonNode resolve(JsonNode schema) {
    return document.resolve(schema);
  }

  static String type(JsonNode schema) {
    if (schema.has("type")) {
      return schema.get("type").asText();
    }
    if (schema.has("properties") || schema.has("additionalProperties")) {
      return "object";
    }
    if (schema.has("items")) {
      return "array";
    }
    if (schema.has("enum")) {
      return "string";
    }
    return "any";
  }

  // ---- valid values ------------------------------------------------------------------------

  JsonNode valid(JsonNode rawSchema, String field, int depth) {
    JsonNode schema = resolve(rawSchema);
    if (schema.has("enum") && schema.get("enum").size() > 0) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size()));
    }
    switch (type(schema)) {
      case "string":
        return JSON.textNode(string(schema, field));
      case "integer":
        return JSON.numberNode(integer(schema));
      case "number":
        return JSON.numberNode(number(schema));
      case "boolean":
        return JSON.booleanNode(random.nextBoolean());
      case "array":
        {
          ArrayNode array = JSON.arrayNode();
          int min = schema.path("minItems").asInt(0);
          int max = Math.min(schema.path("maxItems").asInt(3), Math.max(min, 3));
          int n = depth > 3 ? min : min + random.nextInt(Math.max(1, max - min + 1));
          for (int i = 0; i < n; i++) {
            array.add(valid(schema.path("items"), singular(field), depth + 1));
          }
          return array;
        }
      case "object":
        return object(schema, depth);
      default:
        return JSON.textNode("fz" + random.nextInt(1000));
    }
  }

  private ObjectNode object(JsonNode schema, int depth) {
    ObjectNode object = JSON.objectNode();
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
    while (props.hasNext()) {
      Map.Entry<String, JsonNode> prop = props.next();
      String name = prop.getKey();
      if (prop.getValue().path("readOnly").asBoolean(false)) {
        continue;
      }
      boolean wanted = required.contains(name) || (depth < 3 && random.nextInt(100) < 45);
      if (!wanted || name.equals("custom")) {
        continue;
      }
      object.set(name, valid(prop.getValue(), name, depth + 1));
    }
    return object;
  }

  private static String singular(String field) {
    if (field == null) {
      return null;
    }
    return field.endsWith("Ids") ? field.substring(0, field.length() - 1) : field;
  }

  private String string(JsonNode schema, String field) {
    String format = schema.path("format").asText("");
    if ("id".equals(field)) {
      format = "uuid";
    }
    switch (format) {
      case "uuid":
        return ids.apply(field, random);
      case "date":
        return "2026-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28));
      case "date-time":
        return "2026-12-" + two(1 + random.nextInt(28)) + "T0" + random.nextInt(10) + ":30:00Z";
      case "email":
        return "fz" + random.nextInt(100000) + "@example.com";
      default:
        break;
    }
    String pattern = schema.path("pattern").asText("");
    int max = schema.path("maxLength").asInt(40);
    int min = schema.path("minLength").asInt(0);
    switch (pattern) {
      case "[A-Z0-9]*":
        return "FZ" + random.nextInt(1000);
      case "[0-9+()\\- ]*":
        return "010-" + (6000000 + random.nextInt(999999));
      case "[A-Z]{3}":
        return "CNY";
      default:
        break;
    }
    JsonNode examples = schema.path("examples");
    if (examples.isArray() && examples.size() > 0 && random.nextInt(100) < 70) {
      String example = examples.get(random.nextInt(examples.size())).asText();
      if (example.matches("[A-Za-z0-9_.@\\-]{1,40}") && example.length() <= max) {
        return example;
      }
    }
    if (field != null && field.toLowerCase().contains("email")) {
      return "fz" + random.nextInt(100000) + "@example.com";
    }
    if (field != null && field.toLowerCase().contains("phone")) {
      return "138" + (10000000 + random.nextInt(89999999));
    }
    return text(Math.max(min, 1), Math.max(Math.max(min, 1), Math.min(max, 24)));
  }

  /** Mixed Chinese and ASCII text, starting with "fz" so that a fuzzer's record is easy to spot. */
  String text(int min, int max) {
    int length = min + random.nextInt(Math.max(1, max - min + 1));
    StringBuilder out = new StringBuilder(length <= 1 ? "f" : "fz");
    while (out.length() < length) {
      String pool = random.nextBoolean() ? CHINESE : ALNUM;
      out.append(pool.charAt(random.nextInt(pool.length())));
    }
    return out.substring(0, Math.max(min, Math.min(out.length(), length)));
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private long integer(JsonNode schema) {
    long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
    long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 100;
    if (schema.has("exclusiveMinimum")) {
      min = Math.max(min, schema.get("exclusiveMinimum").asLong() + 1);
    }
    if (max < min) {
      max = min;
    }
    return min + (long) random.nextInt((int) Math.min(1000, max - min + 1));
  }

  private BigDecimal number(JsonNode schema) {
    double min = schema.has("minimum") ? schema.get("minimum").asDouble() : 0;
    double max = schema.has("maximum") ? schema.get("maximum").asDouble() : min + 10000;
    if (schema.has("exclusiveMinimum")) {
      min = Math.max(min, schema.get("exclusiveMinimum").asDouble() + 0.01);
    }
    double value = min + random.nextDouble() * Math.max(0, max - min);
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.DOWN).max(BigDecimal.valueOf(min));
  }

  // ---- invalid values ----------------------------------------------------------------------

  /** A value of another JSON type than the schema's. */
  JsonNode wrongType(JsonNode rawSchema) {
    String type = type(resolve(rawSchema));
    switch (type) {
      case "string":
        return random.nextBoolean() ? JSON.numberNode(12345) : JSON.arrayNode().add("x");
      case "integer":
      case "number":
        return random.nextBoolean() ? JSON.textNode("not-a-number") : JSON.booleanNode(true);
      case "boolean":
        return random.nextBoolean() ? JSON.textNode("perhaps") : JSON.numberNode(2);
      case "array":
        return random.nextBoolean() ? JSON.textNode("not-an-array") : JSON.objectNode();
      case "object":
        return random.nextBoolean() ? JSON.arrayNode().add(1) : JSON.textNode("not-an-object");
      default:
        return JSON.textNode("x");
    }
  }

  /** A value that breaks a constraint the schema states, or null when it states none. */
  JsonNode breaking(JsonNode rawSchema) {
    JsonNode schema = resolve(rawSchema);
    List<JsonNode> options = new ArrayList<>();
    if (schema.has("enum")) {
      options.add(JSON.textNode("FUZZ_NOT_A_VALUE"));
    }
    String format = schema.path("format").asText("");
    if (format.equals("uuid")) {
      options.add(JSON.textNode(random.nextBoolean() ? "not-a-uuid" : "1234"));
    } else if (format.equals("date")) {
      options.add(JSON.textNode("2026-13-45"));
    } else if (format.equals("date-time")) {
      options.add(JSON.textNode("yesterday at noon"));
    }
    if (schema.has("maxLength")) {
      int max = schema.get("maxLength").asInt();
      options.add(JSON.textNode("x".repeat(max + 1 + random.nextInt(20))));
    }
    if (schema.has("minLength") && schema.get("minLength").asInt() > 0) {
      options.add(JSON.textNode(""));
    }
    if (schema.has("minimum")) {
      options.add(JSON.numberNode(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE)));
    }
    if (schema.has("exclusiveMinimum")) {
      options.add(JSON.numberNode(schema.get("exclusiveMinimum").decimalValue()));
    }
    if (schema.has("maximum")) {
      options.add(JSON.numberNode(schema.get("maximum").decimalValue().add(BigDecimal.ONE)));
    }
    if (schema.has("maxItems")) {
      ArrayNode array = JSON.arrayNode();
      for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
        array.add(valid(schema.path("items"), null, 5));
      }
      options.add(array);
    }
    if (schema.has("minItems") && schema.get("minItems").asInt() > 0) {
      options.add(JSON.arrayNode());
    }
    if (type(schema).equals("string") && !format.equals("uuid")) {
      options.add(JSON.textNode("fz\u0000nul"));
    }
    if (type(schema).equals("integer")) {
      options.add(JSON.numberNode(new BigDecimal("1e40")));
    }
    return options.isEmpty() ? null : options.get(random.nextInt(options.size()));
  }
}
