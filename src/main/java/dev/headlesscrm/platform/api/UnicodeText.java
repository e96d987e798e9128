package dev.headlesscrm.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The text the API accepts, decided once for every write and parameter: valid Unicode (no lone
 * UTF-16 surrogate, which PostgreSQL would store as '?') and no control characters except tab, line
 * feed and carriage return (multi-line notes and addresses pasted from Windows keep their CR LF).
 * Everything else in Unicode's Cc category — NUL, the other C0 controls, DEL and the C1 controls —
 * is refused: PostgreSQL cannot store NUL at all, and the others are invisible, break exports and
 * are never meant.
 */
public final class UnicodeText {

  private UnicodeText() {}

  /** Why a text is refused: a stable code ({@code invalid-unicode}, {@code control-character}). */
  public record Refusal(String code, Text message) {}

  /** Why the text is refused, or null when it is acceptable. */
  public static Refusal refusal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return new Refusal(
            "invalid-unicode",
            Text.of(
                "Is not valid Unicode (a lone surrogate " + hex(c) + ").",
                "不是有效的 Unicode 文本（孤立的代理码元 " + hex(c) + "）。"));
      } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        return new Refusal(
            "control-character",
            Text.of(
                "Holds the control character "
                    + hex(c)
                    + "; only tab, line feed and carriage return are allowed.",
                "包含控制字符 " + hex(c) + "；仅允许制表符、换行符和回车符。"));
      }
    }
    return null;
  }

  /**
   * Every refused text in a command (record components, lists, map keys and values, nested
   * records), named by its path as clients write it: {@code name}, {@code lines[2].description},
   * {@code custom.region}. Raw JSON inside a command (a batch operation's data, a merge patch) is
   * left alone: it is checked when it becomes a command of its own, so a batch reports it on its
   * operation. Other objects are checked through their JSON form ({@code tree}).
   */
  public static List<CrmException.Violation> violations(
      Object command, Function<Object, JsonNode> tree) {
    List<CrmException.Violation> out = new ArrayList<>();
    walk(command, "", out, tree, 0);
    return out;
  }

  private static void walk(
      Object value,
      String path,
      List<CrmException.Violation> out,
      Function<Object, JsonNode> tree,
      int depth) {
    if (value == null || value instanceof JsonNode || depth > 32) {
      return;
    }
    if (value instanceof String text) {
      check(text, path, out);
    } else if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            String child = path.isEmpty() ? String.valueOf(k) : path + "." + k;
            if (k instanceof String key) {
              check(key, child, out);
            }
            walk(v, child, out, tree, depth + 1);
          });
    } else if (value instanceof Iterable<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", out, tree, depth + 1);
      }
    } else if (value instanceof Object[] items) {
      for (int i = 0; i < items.length; i++) {
        walk(items[i], path + "[" + i + "]", out, tree, depth + 1);
      }
    } else if (value.getClass().isRecord()) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        Object v;
        try {
          v = c.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
          continue;
        }
        walk(v, path.isEmpty() ? c.getName() : path + "." + c.getName(), out, tree, depth + 1);
      }
    } else if (!value.getClass().getName().startsWith("java.")
        && !value.getClass().isEnum()
        && !value.getClass().isPrimitive()) {
      walk(tree.apply(value), path, out);
    }
  }

  private static void walk(JsonNode node, String path, List<CrmException.Violation> out) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      check(node.textValue(), path, out);
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        check(field.getKey(), child, out);
        walk(field.getValue(), child, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", out);
      }
    }
  }

  private static void check(String text, String path, List<CrmException.Violation> out) {
    Refusal refusal = refusal(text);
    if (refusal != null) {
      out.add(new CrmException.Violation(path, refusal.code(), refusal.message()));
    }
  }

  private static String hex(char c) {
    return String.format("U+%04X", (int) c);
  }
}
