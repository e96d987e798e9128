package dev.headlesscrm.platform.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * A whole request and response example on every create, update and action, built from the schemas
 * themselves: each property's declared example, else a value of its type and format within its
 * bounds. Requests show the required fields and those with a declared example (a valid request the
 * service accepts as it stands); responses show every field. Examples an operation declares itself
 * are kept.
 */
final class Examples {

  private static final String JSON = "application/json";
  private static final String REF = "#/components/schemas/";
  private static final int DEPTH = 8;

  private Examples() {}

  static void add(PathItem.HttpMethod method, Operation operation, Components components) {
    if (method != PathItem.HttpMethod.POST
        && method != PathItem.HttpMethod.PUT
        && method != PathItem.HttpMethod.PATCH) {
      return;
    }
    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
      MediaType body = operation.getRequestBody().getContent().getMediaType(JSON);
      if (body != null && body.getExample() == null && body.getSchema() != null) {
        Object example = value(body.getSchema(), components, 0, false);
        if (example != null) {
          body.setExample(example);
        }
      }
    }
    if (operation.getResponses() == null) {
      return;
    }
    for (String status : List.of("200", "201")) {
      APIResponse response = operation.getResponses().getAPIResponse(status);
      if (response == null || response.getContent() == null) {
        continue;
      }
      MediaType out = response.getContent().getMediaType(JSON);
      if (out != null && out.getExample() == null && out.getSchema() != null) {
        Object example = value(out.getSchema(), components, 0, true);
        if (example != null) {
          out.setExample(example);
        }
      }
    }
  }

  /** An example of the schema, or null when none can be made that surely fits it. */
  static Object value(Schema schema, Components components, int depth, boolean whole) {
    if (schema == null || depth > DEPTH) {
      return null;
    }
    if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
      return schema.getExamples().get(0);
    }
    if (schema.getDefaultValue() != null) {
      return schema.getDefaultValue();
    }
    if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
      return schema.getEnumeration().get(0);
    }
    Schema target = resolve(schema, components);
    if (target != schema) {
      return value(target, components, depth + 1, whole);
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      return value(schema.getAllOf().get(0), components, depth + 1, whole);
    }
    if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
      return value(schema.getOneOf().get(0), components, depth + 1, whole);
    }
    List<Schema.SchemaType> types = schema.getType();
    Schema.SchemaType type =
        types == null
            ? (schema.getProperties() != null ? Schema.SchemaType.OBJECT : null)
            : types.stream().filter(t -> t != Schema.SchemaType.NULL).findFirst().orElse(null);
    if (type == null) {
      // Any JSON (JsonValue): an empty object is one.
      return schema.getProperties() == null && schema.getItems() == null ? Map.of() : null;
    }
    return switch (type) {
      case OBJECT -> object(schema, components, depth, whole);
      case ARRAY -> {
        Object item = value(schema.getItems(), components, depth + 1, whole);
        Integer min = schema.getMinItems();
        yield item == null ? (min == null || min == 0 ? List.of() : null) : List.of(item);
      }
      case STRING -> string(schema);
      case INTEGER -> number(schema, true);
      case NUMBER -> number(schema, false);
      case BOOLEAN -> Boolean.FALSE;
      default -> null;
    };
  }

  private static Object object(Schema schema, Components components, int depth, boolean whole) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (schema.getProperties() == null) {
      return out;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    for (Map.Entry<String, Schema> p : schema.getProperties().entrySet()) {
      boolean must = required.contains(p.getKey());
      boolean declared =
          p.getValue().getExamples() != null && !p.getValue().getExamples().isEmpty();
      if (!whole && !must && !declared) {
        // A request shows what a client must send and the fields with a real example: a type
        // sample (a made-up dictionary code, say) would be refused by the service.
        continue;
      }
      Object v = value(p.getValue(), components, depth + 1, whole);
      if (v == null) {
        if (must) {
          return null;
        }
        continue;
      }
      out.put(p.getKey(), v);
    }
    return out;
  }

  private static Object string(Schema schema) {
    String format = schema.getFormat();
    String v;
    if ("uuid".equals(format)) {
      v = "0193a000-0000-7000-8000-0000000000d1";
    } else if ("date".equals(format)) {
      v = "2026-12-04";
    } else if ("date-time".equals(format)) {
      v = "2026-12-04T09:30:00Z";
    } else if ("email".equals(format)) {
      v = "li.lei@example.com";
    } else if ("binary".equals(format) || "byte".equals(format)) {
      return null;
    } else {
      v = null;
      for (String candidate : List.of("示例", "A1", "EXAMPLE-1", "example")) {
        // JSON Schema patterns are unanchored: a value fits when the pattern is found in it.
        if (schema.getPattern() == null
            || java.util.regex.Pattern.compile(schema.getPattern()).matcher(candidate).find()) {
          v = candidate;
          break;
        }
      }
      if (v == null) {
        return null;
      }
    }
    if (schema.getMaxLength() != null && v.length() > schema.getMaxLength()) {
      return null;
    }
    if (schema.getMinLength() != null && v.length() < schema.getMinLength()) {
      return null;
    }
    return v;
  }

  private static Object number(Schema schema, boolean integer) {
    BigDecimal v = schema.getMinimum() != null ? schema.getMinimum() : BigDecimal.ONE;
    if (schema.getExclusiveMinimum() != null) {
      v = schema.getExclusiveMinimum().add(BigDecimal.ONE);
    }
    if (schema.getMaximum() != null && v.compareTo(schema.getMaximum()) > 0) {
      return null;
    }
    return integer ? (Object) v.longValue() : v;
  }

  private static Schema resolve(Schema schema, Components components) {
    String ref = schema.getRef();
    if (ref == null || !ref.startsWith(REF) || components.getSchemas() == null) {
      return schema;
    }
    Schema target = components.getSchemas().get(ref.substring(REF.length()));
    return target == null ? schema : target;
  }
}
