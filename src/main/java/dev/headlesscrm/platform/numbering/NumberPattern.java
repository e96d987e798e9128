package dev.headlesscrm.platform.numbering;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.numbering.ResetPolicy.DateToken;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed numbering pattern such as {@code KH{yyyyMMdd}{seq:4}}: literal text, date tokens ({@code
 * {yyyyMMdd}}, {@code {yyyyMM}}, {@code {yyyy}}) and exactly one sequence token ({@code {seq}} or
 * {@code {seq:N}}, zero-padded to at least N digits, never truncated). Pure logic; every refusal is
 * a 422 problem naming {@code pattern}.
 */
public final class NumberPattern {

  public static final String FIELD = "pattern";
  public static final int MAX_LENGTH = 64;

  /** Wider than a long can print: a wider pad would only add zeros. */
  static final int MAX_WIDTH = 18;

  private sealed interface Part permits Literal, DatePart, Sequence {}

  private record Literal(String text) implements Part {}

  private record DatePart(DateToken token) implements Part {}

  private record Sequence(int width) implements Part {}

  private final String source;
  private final List<Part> parts;

  private NumberPattern(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  public String source() {
    return source;
  }

  /** Parses a pattern, or throws a 422 problem naming {@code pattern} and saying what is wrong. */
  public static NumberPattern parse(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      throw invalid("required", Text.of("A pattern is required.", "编号规则不能为空。"));
    }
    if (pattern.length() > MAX_LENGTH) {
      throw invalid(
          "size",
          Text.of(
              "A pattern has at most " + MAX_LENGTH + " characters.",
              "编号规则最多 " + MAX_LENGTH + " 个字符。"));
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean hasSequence = false;
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        throw invalid(
            "syntax",
            Text.of(
                "A pattern cannot contain spaces or control characters (position " + (i + 1) + ").",
                "编号规则不能包含空白或控制字符（第 " + (i + 1) + " 个字符）。"));
      }
      if (c == '}') {
        throw unbalanced(i);
      }
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int close = pattern.indexOf('}', i + 1);
      int nextOpen = pattern.indexOf('{', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        throw unbalanced(i);
      }
      if (literal.length() > 0) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      String token = pattern.substring(i + 1, close);
      Part part = token(token, i);
      if (part instanceof Sequence) {
        if (hasSequence) {
          throw invalid(
              "duplicate-seq",
              Text.of("A pattern has exactly one {seq} token.", "编号规则中只能有一个 {seq}。"));
        }
        hasSequence = true;
      }
      parts.add(part);
      i = close + 1;
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    if (!hasSequence) {
      throw invalid(
          "missing-seq",
          Text.of(
              "A pattern needs a sequence token, {seq} or {seq:N}.",
              "编号规则必须包含流水号 {seq} 或 {seq:N}。"));
    }
    return new NumberPattern(pattern, parts);
  }

  private static Part token(String token, int position) {
    DateToken date = DateToken.ofToken(token);
    if (date != null) {
      return new DatePart(date);
    }
    if (token.equals("seq")) {
      return new Sequence(1);
    }
    if (token.startsWith("seq:")) {
      String digits = token.substring(4);
      int width = -1;
      if (!digits.isEmpty()
          && digits.length() <= 2
          && digits.chars().allMatch(Character::isDigit)) {
        width = Integer.parseInt(digits);
      }
      if (width < 1 || width > MAX_WIDTH) {
        throw invalid(
            "seq-width",
            Text.of(
                "{" + token + "}: the sequence width must be a number from 1 to " + MAX_WIDTH + ".",
                "{" + token + "}：流水号位数必须是 1 到 " + MAX_WIDTH + " 之间的数字。"));
      }
      return new Sequence(width);
    }
    throw invalid(
        "unknown-token",
        Text.of(
            "Unknown token {"
                + token
                + "} at position "
                + (position + 1)
                + "; use {yyyyMMdd}, {yyyyMM}, {yyyy}, {seq} or {seq:N}.",
            "第 "
                + (position + 1)
                + " 个字符处的 {"
                + token
                + "} 无法识别；可用 {yyyyMMdd}、{yyyyMM}、{yyyy}、{seq} 或 {seq:N}。"));
  }

  /**
   * Refuses a reset policy that would repeat numbers: a sequence that starts again each day must be
   * printed next to the day, otherwise yesterday's 0001 and today's 0001 would be the same number.
   */
  public NumberPattern checkUnique(ResetPolicy reset) {
    DateToken needed = reset.granularity();
    if (needed == null) {
      return this;
    }
    boolean printed =
        parts.stream().anyMatch(p -> p instanceof DatePart d && d.token().atLeastAsFineAs(needed));
    if (!printed) {
      String token = "{" + needed.token() + "}";
      throw invalid(
          "reset-needs-date",
          Text.of(
              "A sequence reset "
                  + reset
                  + " needs "
                  + token
                  + (needed == DateToken.DAY ? "" : " or a finer date")
                  + " in the pattern, or numbers would repeat.",
              "按 "
                  + reset
                  + " 重置流水号时，编号规则必须包含 "
                  + token
                  + (needed == DateToken.DAY ? "" : " 或更精确的日期")
                  + "，否则编号会重复。"));
    }
    return this;
  }

  /** The number for a business date and sequence value. */
  public String format(LocalDate date, long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("Sequences start at 1: " + sequence);
    }
    StringBuilder out = new StringBuilder(source.length() + 8);
    for (Part part : parts) {
      if (part instanceof Literal l) {
        out.append(l.text());
      } else if (part instanceof DatePart d) {
        out.append(d.token().format(date));
      } else if (part instanceof Sequence s) {
        String digits = Long.toString(sequence);
        out.append("0".repeat(Math.max(0, s.width() - digits.length()))).append(digits);
      }
    }
    return out.toString();
  }

  private static CrmException unbalanced(int position) {
    return invalid(
        "syntax",
        Text.of(
            "Unbalanced brace at position " + (position + 1) + "; tokens look like {seq:4}.",
            "第 " + (position + 1) + " 个字符处的花括号不成对；令牌形如 {seq:4}。"));
  }

  private static CrmException invalid(String code, Text message) {
    return CrmException.invalidField(FIELD, code, message);
  }

  @Override
  public String toString() {
    return source;
  }
}
