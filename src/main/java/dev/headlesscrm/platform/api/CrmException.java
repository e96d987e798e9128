package dev.headlesscrm.platform.api;

import java.util.List;
import java.util.Map;

/**
 * The one exception every layer throws for an expected failure. The REST face turns it into a
 * problem+json response and the GraphQL face into an error with {@code extensions.code} and {@code
 * extensions.status}; nothing else needs to know about HTTP.
 */
public class CrmException extends RuntimeException {

  /** A failing field, with its message in both languages. */
  public record Violation(String field, String code, Text message) {}

  private final ProblemType type;
  private final Text detail;
  private final List<Violation> violations;
  private final Map<String, Object> extensions;

  public CrmException(ProblemType type, Text detail) {
    this(type, detail, List.of());
  }

  public CrmException(ProblemType type, Text detail, List<Violation> violations) {
    this(type, detail, violations, Map.of());
  }

  public CrmException(
      ProblemType type, Text detail, List<Violation> violations, Map<String, Object> extensions) {
    super(detail.en());
    this.type = type;
    this.detail = detail;
    this.violations = List.copyOf(violations);
    this.extensions = Map.copyOf(extensions);
  }

  /** Extra members of the problem document (RFC 9457 extensions), e.g. {@code mergedInto}. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** The record now lives elsewhere (e.g. merged): 301 with Location and the new id. */
  public static CrmException moved(String member, Object newId, String location) {
    return new CrmException(
        ProblemType.MOVED,
        Text.of("The record was merged into " + newId + ".", "该记录已合并到 " + newId + "。"),
        List.of(),
        Map.of(member, newId, "location", location));
  }

  public ProblemType type() {
    return type;
  }

  public Text detail() {
    return detail;
  }

  public List<Violation> violations() {
    return violations;
  }

  public static CrmException notFound(String resource, Object id) {
    return new CrmException(
        ProblemType.NOT_FOUND,
        Text.of(
            "No " + resource + " with id " + id + ".", "不存在 id 为 " + id + " 的" + resource + "。"));
  }

  public static CrmException conflict(Text detail) {
    return new CrmException(ProblemType.CONFLICT, detail);
  }

  public static CrmException malformed(Text detail) {
    return new CrmException(ProblemType.MALFORMED, detail);
  }

  public static CrmException validation(List<Violation> violations) {
    return new CrmException(
        ProblemType.VALIDATION,
        Text.of("The request has invalid fields.", "请求中有字段未通过校验。"),
        violations);
  }

  public static CrmException invalidField(String field, String code, Text message) {
    return validation(List.of(new Violation(field, code, message)));
  }

  /**
   * A query or path parameter that is not one of its values: a 400 naming the parameter (a body
   * field that is not valid is a 422, {@link #invalidField}).
   */
  public static CrmException invalidParameter(String name, String code, Text message) {
    return new CrmException(
        ProblemType.MALFORMED,
        Text.of(
            "The parameter '" + name + "' is not valid: " + message.en(),
            "参数 '" + name + "' 无效：" + message.zh()),
        List.of(new Violation(name, code, message)));
  }

  public static CrmException forbidden(Text detail) {
    return new CrmException(ProblemType.FORBIDDEN, detail);
  }
}
