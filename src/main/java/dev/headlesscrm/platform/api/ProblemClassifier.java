package dev.headlesscrm.platform.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Turns any throwable into a {@link CrmException}, or {@code null} when it is an unexpected failure
 * (a 500 whose details stay in the log). Shared by REST, GraphQL and the HTTP layer.
 */
@ApplicationScoped
public class ProblemClassifier {

  private final Map<String, ConstraintProblems.Meaning> constraints = new HashMap<>();

  ProblemClassifier(Instance<ConstraintProblems> declared) {
    declared.stream().filter(d -> !d.derived()).forEach(d -> constraints.putAll(d.constraints()));
    declared.stream()
        .filter(ConstraintProblems::derived)
        .forEach(d -> d.constraints().forEach(constraints::putIfAbsent));
  }

  /**
   * What a constraint of this name means: declared, derived from a resource's declaration, or the
   * unique index a custom field definition creates ({@code cfu_<resource hash>_<key>}).
   */
  public java.util.Optional<ConstraintProblems.Meaning> meaning(String constraint) {
    if (constraint == null) {
      return java.util.Optional.empty();
    }
    ConstraintProblems.Meaning meaning = constraints.get(constraint);
    if (meaning == null && constraint.startsWith("cfu_") && constraint.indexOf('_', 4) > 0) {
      String field = "custom." + constraint.substring(constraint.indexOf('_', 4) + 1);
      meaning =
          ConstraintProblems.Meaning.duplicate(
              field,
              Text.of(
                  "Another record already has this " + field + " (it is unique).",
                  "已有其他记录使用了相同的 " + field + "（该字段要求唯一）。"));
    }
    return java.util.Optional.ofNullable(meaning);
  }

  public CrmException classify(Throwable failure) {
    WebApplicationException web = null;
    for (Throwable t : chain(failure)) {
      if (t instanceof WebApplicationException e) {
        // Its cause, when there is one (a JSON error inside a 400), says more than its status.
        web = web == null ? e : web;
        continue;
      }
      CrmException known = classifyOne(t);
      if (known != null) {
        return known;
      }
    }
    if (web != null) {
      int status = web.getResponse().getStatus();
      return new CrmException(ProblemType.forStatus(status), webDetail(status));
    }
    return null;
  }

  /**
   * The failure and its causes, then what was suppressed along the way, with their causes. A
   * transaction whose commit failed (the database went away mid-commit) is a {@code
   * RollbackException} that keeps the database's error as a suppressed exception, not as its cause:
   * without looking there, a lost connection at commit was a 500 instead of a 503.
   */
  static List<Throwable> chain(Throwable failure) {
    List<Throwable> out = new java.util.ArrayList<>();
    collect(failure, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    return out;
  }

  private static void collect(
      Throwable failure, List<Throwable> out, java.util.Set<Throwable> seen) {
    List<Throwable> causes = new java.util.ArrayList<>();
    for (Throwable t = failure; t != null && out.size() < 64 && seen.add(t); t = t.getCause()) {
      causes.add(t);
      out.add(t);
    }
    for (Throwable t : causes) {
      for (Throwable suppressed : t.getSuppressed()) {
        collect(suppressed, out, seen);
      }
    }
  }

  private CrmException classifyOne(Throwable t) {
    if (t instanceof CrmException e) {
      return e;
    }
    if (t instanceof ConstraintViolationException e) {
      return CrmException.validation(
          e.getConstraintViolations().stream().map(ProblemClassifier::violation).toList());
    }
    if (t instanceof UnrecognizedPropertyException e) {
      return CrmException.invalidField(
          path(e),
          "unknown-field",
          Text.of(
              "Unknown field '" + e.getPropertyName() + "'.",
              "未知字段 '" + e.getPropertyName() + "'。"));
    }
    if (t instanceof MismatchedInputException e && !e.getPath().isEmpty()) {
      return CrmException.invalidField(
          path(e), "type", Text.of("The value has the wrong type or format.", "值的类型或格式不正确。"));
    }
    String field = t instanceof JsonProcessingException ? duplicate(t) : null;
    if (field != null) {
      return new CrmException(
          ProblemType.MALFORMED,
          Text.of(
              "The body names the field '" + field + "' more than once.",
              "请求体中字段 '" + field + "' 出现了不止一次。"),
          List.of(
              new CrmException.Violation(
                  field, "duplicate-key", Text.of("Given more than once.", "重复出现。"))));
    }
    if (t instanceof JsonProcessingException) {
      return CrmException.malformed(Text.of("The body is not valid JSON.", "请求体不是有效的 JSON。"));
    }
    if (t instanceof ForbiddenException) {
      return CrmException.forbidden(Text.of("You are not permitted to do this.", "您没有执行此操作的权限。"));
    }
    if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
      return new CrmException(
          ProblemType.UNAUTHORIZED,
          Text.of("A valid bearer token is required.", "需要有效的 Bearer 令牌。"));
    }
    if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
      return CrmException.conflict(
          Text.of(
              "The record was changed by someone else at the same time; read it again and retry.",
              "记录已被他人同时修改，请重新读取后再试。"));
    }
    if (t instanceof org.hibernate.exception.ConstraintViolationException e) {
      CrmException declared = constraint(e.getConstraintName());
      return declared != null ? declared : byState(e.getSQLState());
    }
    if (t instanceof SQLException e && isPoolExhausted(e)) {
      return busy();
    }
    if (t instanceof SQLException e && isConnectTimeout(e)) {
      return unavailable();
    }
    if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
      return unavailable();
    }
    if (t instanceof SQLException e && e.getSQLState() != null) {
      if (e.getSQLState().startsWith("08")) {
        return unavailable();
      }
      if (e.getSQLState().equals("22003")) {
        // A computed number past its column (the inputs each fit): the modules check their sums
        // and products by field; this is the answer wherever one was not foreseen.
        return new CrmException(
            ProblemType.VALIDATION,
            Text.of(
                "A number in the request, or one computed from it, is too large to store.",
                "请求中的数值或由其计算出的数值过大，无法保存。"),
            List.of());
      }
      if (e.getSQLState().equals("22021") || e.getSQLState().equals("22P05")) {
        // Text PostgreSQL cannot store (a NUL) that reached it from somewhere no rule checks.
        return CrmException.malformed(
            Text.of(
                "The request holds text that is not storable Unicode (e.g. a NUL character).",
                "请求中包含无法存储的文本（例如 NUL 字符）。"));
      }
    }
    return null;
  }

  private CrmException constraint(String name) {
    ConstraintProblems.Meaning meaning = meaning(name).orElse(null);
    if (meaning == null) {
      return null;
    }
    if (meaning.type() == ProblemType.VALIDATION) {
      return CrmException.invalidField(meaning.field(), "invalid-reference", meaning.message());
    }
    if (meaning.field() != null && meaning.field().startsWith("custom.")) {
      return new CrmException(
          ProblemType.CONFLICT,
          meaning.message(),
          List.of(
              new CrmException.Violation(meaning.field(), "unique", Text.of("Taken.", "已被占用。"))));
    }
    return new CrmException(meaning.type(), meaning.message());
  }

  /** Constraints nobody declared still say something by their SQL state, never a 500. */
  private static CrmException byState(String sqlState) {
    if ("23503".equals(sqlState)) {
      return CrmException.conflict(
          Text.of(
              "Other records still refer to this one, or a referenced record does not exist.",
              "仍有其他记录引用该记录，或所引用的记录不存在。"));
    }
    if ("23505".equals(sqlState)) {
      return CrmException.conflict(
          Text.of("A record with the same unique value exists.", "已存在具有相同唯一值的记录。"));
    }
    if ("23514".equals(sqlState)) {
      return CrmException.validation(List.of());
    }
    return null;
  }

  /**
   * Agroal's refusal when no pooled connection freed up within the acquisition timeout (a plain
   * SQLException, no SQL state: its message is all there is to tell it by).
   */
  static boolean isPoolExhausted(SQLException e) {
    return e.getSQLState() == null
        && e.getMessage() != null
        && e.getMessage().startsWith("Sorry, acquisition timeout");
  }

  /**
   * Agroal's refusal when opening a new connection took longer than the acquisition timeout: the
   * database is unreachable or not answering (seen while a network cut is in progress).
   */
  static boolean isConnectTimeout(SQLException e) {
    return e.getSQLState() == null
        && e.getMessage() != null
        && e.getMessage().startsWith("Acquisition timeout while waiting for new connection");
  }

  /** Every pooled connection stayed busy for the acquisition timeout: retry in a second. */
  public static CrmException busy() {
    return new CrmException(
        ProblemType.UNAVAILABLE,
        Text.of(
            "The service is at capacity (no database connection freed up in time); retry in a"
                + " second.",
            "服务繁忙（暂无可用的数据库连接），请稍后重试。"),
        List.of(),
        java.util.Map.of("retryAfter", 1));
  }

  private static CrmException unavailable() {
    return new CrmException(
        ProblemType.UNAVAILABLE,
        Text.of("The database is unreachable; retry shortly.", "数据库暂时无法访问，请稍后重试。"));
  }

  private static Text webDetail(int status) {
    return switch (status) {
      case 404 -> Text.of("No such resource.", "请求的资源不存在。");
      case 405 -> Text.of("This method is not allowed here.", "该路径不支持此请求方法。");
      case 406 -> Text.of("The requested media type cannot be produced.", "无法提供所请求的媒体类型。");
      case 413 -> Text.of("The request body is too large.", "请求体过大。");
      case 415 -> Text.of("Send application/json.", "请以 application/json 发送请求体。");
      default -> null;
    };
  }

  static CrmException.Violation violation(ConstraintViolation<?> v) {
    String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return new CrmException.Violation(
        fieldOf(v.getPropertyPath()), codeOf(code), Text.same(v.getMessage()));
  }

  /**
   * The field a violation names, as the client wrote it: {@code finance.phone} for a nested record,
   * {@code lines[2].quantity} in a list; the method and parameter of a validated method call
   * ({@code create.input.}) are not part of it.
   */
  static String fieldOf(jakarta.validation.Path propertyPath) {
    StringBuilder field = new StringBuilder();
    for (jakarta.validation.Path.Node node : propertyPath) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> {
          continue;
        }
        default -> {}
      }
      if (node.getIndex() != null && field.length() > 0) {
        field.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null && field.length() > 0) {
        field.append('.').append(node.getKey());
      }
      if (node.getName() != null && !node.getName().isEmpty() && !node.getName().startsWith("<")) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    return field.toString();
  }

  private static String codeOf(String annotation) {
    return switch (annotation) {
      case "NotNull", "NotBlank", "NotEmpty" -> "required";
      case "Size", "Length" -> "size";
      case "Min", "DecimalMin", "PositiveOrZero", "Positive" -> "min";
      case "Max", "DecimalMax" -> "max";
      case "Email" -> "email";
      case "Pattern" -> "pattern";
      default -> annotation.toLowerCase();
    };
  }

  /**
   * The field a body names twice ({@link StrictJson}), as a path ({@code operations[0].data.name}),
   * or null when the parse failed for another reason (Jackson marks it only by its message). A
   * typed body wraps the parser's exception in a mapping exception: the cause is looked at too.
   */
  private static String duplicate(Throwable failure) {
    JsonParseException e = null;
    for (Throwable t = failure;
        t != null && e == null;
        t = t.getCause() == t ? null : t.getCause()) {
      e = t instanceof JsonParseException parse ? parse : null;
    }
    String message = e == null ? null : e.getOriginalMessage();
    JsonParser parser = e == null ? null : e.getProcessor();
    if (message == null || !message.startsWith("Duplicate field '") || parser == null) {
      return null;
    }
    StringBuilder path = new StringBuilder();
    for (String segment : parser.getParsingContext().pathAsPointer().toString().split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      segment = segment.replace("~1", "/").replace("~0", "~");
      if (segment.chars().allMatch(Character::isDigit)) {
        path.append('[').append(segment).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(segment);
      }
    }
    return path.length() == 0 ? message.substring(17, message.length() - 1) : path.toString();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
