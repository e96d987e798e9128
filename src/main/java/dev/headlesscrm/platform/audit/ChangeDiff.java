package dev.headlesscrm.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rules of {@link ChangeLog#diff}: both views become JSON trees through the application's
 * ObjectMapper, and their top-level fields are compared as JSON values.
 */
final class ChangeDiff {

  /**
   * Fields every record carries that change with every write, or never: a change to them says
   * nothing about what happened ({@code version} and the time are on the entry itself).
   */
  static final Set<String> IGNORED =
      Set.of("id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy");

  /** Numbers equal as numbers (1, 1.0 and 1.00 are the same amount); the rest by JSON equality. */
  private static final Comparator<JsonNode> SAME =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private ChangeDiff() {}

  static Map<String, FieldChange> diff(ObjectMapper mapper, Object before, Object after) {
    JsonNode old = tree(mapper, before);
    JsonNode current = tree(mapper, after);
    Set<String> names = new LinkedHashSet<>();
    current.fieldNames().forEachRemaining(names::add);
    old.fieldNames().forEachRemaining(names::add);
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    for (String name : names) {
      if (IGNORED.contains(name)) {
        continue;
      }
      JsonNode was = old.path(name);
      JsonNode is = current.path(name);
      if (!same(was, is)) {
        changes.put(name, new FieldChange(valueOrNull(was), valueOrNull(is)));
      }
    }
    return changes;
  }

  static boolean same(JsonNode a, JsonNode b) {
    boolean aAbsent = a.isMissingNode() || a.isNull();
    boolean bAbsent = b.isMissingNode() || b.isNull();
    if (aAbsent || bAbsent) {
      return aAbsent && bAbsent;
    }
    return a.equals(SAME, b);
  }

  private static JsonNode valueOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node;
  }

  private static JsonNode tree(ObjectMapper mapper, Object view) {
    if (view == null) {
      return mapper.createObjectNode();
    }
    JsonNode tree = view instanceof JsonNode node ? node : mapper.valueToTree(view);
    if (tree == null || tree instanceof NullNode) {
      return mapper.createObjectNode();
    }
    if (!tree.isObject()) {
      throw new IllegalArgumentException(
          "A view must serialise to a JSON object, not " + tree.getNodeType());
    }
    return tree;
  }
}
