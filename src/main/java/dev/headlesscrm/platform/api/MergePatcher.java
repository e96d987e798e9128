package dev.headlesscrm.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396) applied to a resource's writable input. A field the client may not
 * write is refused: unknown fields always, read-only fields (id, version, audit columns...) when
 * the patch gives them a value other than the current one. Mass assignment is impossible.
 */
@ApplicationScoped
public class MergePatcher {

  @Inject ObjectMapper mapper;

  /**
   * @param view the record as clients read it (defines the read-only fields)
   * @param input the record's current writable state
   * @param patch the merge patch from the client
   * @return the writable state with the patch applied
   */
  @SuppressWarnings("unchecked")
  public <I> I apply(Object view, I input, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw CrmException.malformed(
          Text.of("A merge patch must be a JSON object.", "合并补丁必须是一个 JSON 对象。"));
    }
    ObjectNode readable = mapper.valueToTree(view);
    ObjectNode writable = mapper.valueToTree(input);
    List<CrmException.Violation> violations = new ArrayList<>();
    ObjectNode effective = mapper.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      if (writable.has(name) || isWritableButAbsent(input, name)) {
        effective.set(name, field.getValue());
      } else if (readable.has(name)) {
        if (!sameValue(readable.get(name), field.getValue())) {
          violations.add(
              new CrmException.Violation(
                  name,
                  "read-only",
                  Text.of("'" + name + "' cannot be changed.", "'" + name + "' 为只读字段，不能修改。")));
        }
      } else {
        violations.add(
            new CrmException.Violation(
                name,
                "unknown-field",
                Text.of("Unknown field '" + name + "'.", "未知字段 '" + name + "'。")));
      }
    }
    if (!violations.isEmpty()) {
      throw CrmException.validation(violations);
    }
    merge(writable, effective);
    try {
      return (I) mapper.treeToValue(writable, input.getClass());
    } catch (JsonProcessingException e) {
      // The classifier finds the Jackson cause and answers 422 naming the field.
      throw new IllegalArgumentException("Invalid merge patch value", e);
    }
  }

  private boolean isWritableButAbsent(Object input, String name) {
    if (!input.getClass().isRecord()) {
      return false;
    }
    for (var component : input.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Equal as JSON values: 0 and 0.0 and a long 0 are the same number. */
  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  /** RFC 7396: null removes, objects merge recursively, anything else replaces. */
  static void merge(ObjectNode target, JsonNode patch) {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      JsonNode existing = target.get(field.getKey());
      if (value.isNull()) {
        target.putNull(field.getKey());
      } else if (value.isObject() && existing != null && existing.isObject()) {
        merge((ObjectNode) existing, value);
      } else {
        target.set(field.getKey(), value);
      }
    }
  }
}
