package dev.headlesscrm.platform.customfields;

import dev.headlesscrm.platform.api.CrmException.Violation;
import dev.headlesscrm.platform.api.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One defined custom field as the write and list paths use it: immutable, with the rules that turn
 * a client's text into the canonical text stored (numbers plain, money with two places, dates ISO,
 * datetimes in UTC, booleans {@code true}/{@code false}, multi-select codes joined by {@code ;}).
 */
public record CustomField(
    UUID id,
    String resource,
    String key,
    CustomFieldType type,
    String labelZh,
    String labelEn,
    String description,
    boolean required,
    boolean unique,
    Pattern pattern,
    BigDecimal minimum,
    BigDecimal maximum,
    Integer maxLength,
    String dictionary,
    String referenceResource,
    boolean retired) {

  /** Text fields hold at most this much unless the definition says less. */
  public static final int TEXT_MAX = 255;

  public static final int LONG_TEXT_MAX = 10_000;

  /** What checking a value needs from outside: dictionary codes and referenced records. */
  public interface Lookups {
    /** Whether {@code code} is an active entry of dictionary {@code kind}. */
    boolean activeOption(String kind, String code);

    /** Whether a live record of {@code resource} has this id. */
    boolean exists(String resource, UUID id);
  }

  /** The API field name, as filters, sorts, metadata and problems spell it. */
  public String path() {
    return "custom." + key;
  }

  public int effectiveMaxLength() {
    if (maxLength != null) {
      return maxLength;
    }
    return type == CustomFieldType.LONG_TEXT ? LONG_TEXT_MAX : TEXT_MAX;
  }

  /**
   * The canonical text of {@code raw}, or empty for "no value" (null or blank); a violation naming
   * {@link #path()} when it is not a value of this field.
   */
  public Optional<String> canonical(String raw, Lookups lookups, List<Violation> violations) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String v = raw.strip();
    try {
      return Optional.ofNullable(
          switch (type) {
            case TEXT, LONG_TEXT -> text(raw, violations);
            case NUMBER -> number(v, violations);
            case MONEY -> money(v, violations);
            case DATE -> LocalDate.parse(v).toString();
            case DATETIME -> datetime(v);
            case BOOLEAN -> bool(v);
            case SELECT -> select(v, lookups, violations);
            case MULTI_SELECT -> multiSelect(v, lookups, violations);
            case REFERENCE -> reference(v, lookups, violations);
          });
    } catch (DateTimeParseException | IllegalArgumentException e) {
      violations.add(
          new Violation(
              path(),
              "type",
              Text.of(
                  "'" + v + "' is not a " + describe() + ".",
                  "'" + v + "' 不是有效的" + describeZh() + "。")));
      return Optional.empty();
    }
  }

  private String text(String raw, List<Violation> violations) {
    String v = type == CustomFieldType.TEXT ? raw.strip() : raw;
    int max = effectiveMaxLength();
    if (v.codePointCount(0, v.length()) > max) {
      violations.add(
          new Violation(
              path(), "size", Text.of("At most " + max + " characters.", "最多 " + max + " 个字符。")));
      return null;
    }
    if (pattern != null && !pattern.matcher(v).matches()) {
      violations.add(
          new Violation(
              path(),
              "pattern",
              Text.of(
                  "Does not match the pattern " + pattern.pattern() + ".",
                  "不符合格式 " + pattern.pattern() + "。")));
      return null;
    }
    return v;
  }

  private String number(String v, List<Violation> violations) {
    BigDecimal n = new BigDecimal(v);
    return inRange(n, violations) ? plain(n) : null;
  }

  private String money(String v, List<Violation> violations) {
    BigDecimal n = new BigDecimal(v);
    if (n.stripTrailingZeros().scale() > 2) {
      violations.add(
          new Violation(path(), "scale", Text.of("At most two decimal places.", "最多两位小数。")));
      return null;
    }
    return inRange(n, violations) ? n.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : null;
  }

  private boolean inRange(BigDecimal n, List<Violation> violations) {
    if (n.abs().compareTo(new BigDecimal("1e18")) >= 0) {
      violations.add(new Violation(path(), "max", Text.of("The number is too large.", "数值过大。")));
      return false;
    }
    if (minimum != null && n.compareTo(minimum) < 0) {
      violations.add(
          new Violation(
              path(),
              "min",
              Text.of("At least " + plain(minimum) + ".", "不得小于 " + plain(minimum) + "。")));
      return false;
    }
    if (maximum != null && n.compareTo(maximum) > 0) {
      violations.add(
          new Violation(
              path(),
              "max",
              Text.of("At most " + plain(maximum) + ".", "不得大于 " + plain(maximum) + "。")));
      return false;
    }
    return true;
  }

  private static String plain(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  private static String datetime(String v) {
    if (v.length() == 10) {
      throw new IllegalArgumentException("a date, not a datetime");
    }
    return Instant.from(OffsetDateTime.parse(v)).toString();
  }

  private static String bool(String v) {
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return v.toLowerCase(java.util.Locale.ROOT);
    }
    throw new IllegalArgumentException(v);
  }

  private String select(String v, Lookups lookups, List<Violation> violations) {
    if (!lookups.activeOption(dictionary, v)) {
      violations.add(notAnOption(v));
      return null;
    }
    return v;
  }

  private String multiSelect(String v, Lookups lookups, List<Violation> violations) {
    Set<String> codes = new LinkedHashSet<>();
    for (String part : v.split(";")) {
      if (!part.isBlank()) {
        codes.add(part.strip());
      }
    }
    List<String> bad = new ArrayList<>();
    for (String code : codes) {
      if (!lookups.activeOption(dictionary, code)) {
        bad.add(code);
      }
    }
    if (!bad.isEmpty()) {
      violations.add(notAnOption(String.join(";", bad)));
      return null;
    }
    return codes.isEmpty() ? null : String.join(";", codes);
  }

  private String reference(String v, Lookups lookups, List<Violation> violations) {
    UUID id = UUID.fromString(v);
    if (!id.toString().equalsIgnoreCase(v)) {
      throw new IllegalArgumentException(v);
    }
    if (!lookups.exists(referenceResource, id)) {
      violations.add(
          new Violation(
              path(),
              "not-found",
              Text.of(
                  "No live " + referenceResource + " " + id + ".",
                  "不存在有效的 " + referenceResource + " 记录 " + id + "。")));
      return null;
    }
    return id.toString();
  }

  private Violation notAnOption(String v) {
    return new Violation(
        path(),
        "option",
        Text.of(
            "'" + v + "' is not an active entry of dictionary " + dictionary + ".",
            "'" + v + "' 不是字典 " + dictionary + " 中的有效项。"));
  }

  private String describe() {
    return switch (type) {
      case NUMBER, MONEY -> "number";
      case DATE -> "date (2026-12-31)";
      case DATETIME -> "datetime with an offset (2026-12-31T09:30:00+08:00)";
      case BOOLEAN -> "boolean (true or false)";
      case REFERENCE -> "record id (UUID)";
      default -> "value";
    };
  }

  private String describeZh() {
    return switch (type) {
      case NUMBER, MONEY -> "数字";
      case DATE -> "日期（2026-12-31）";
      case DATETIME -> "带时区的日期时间（2026-12-31T09:30:00+08:00）";
      case BOOLEAN -> "布尔值（true 或 false）";
      case REFERENCE -> "记录 id（UUID）";
      default -> "值";
    };
  }
}
