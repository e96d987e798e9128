package dev.headlesscrm.platform.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Iterator;
import java.util.Optional;

/** How a value reads as text in an export, shared by both formats. */
final class ExportValues {

  /** Separator between the elements of a multi-valued field. */
  static final String LIST_SEPARATOR = "; ";

  private ExportValues() {}

  /**
   * The text of a value: {@code null} is empty, numbers are plain (never {@code 1E+3}), times are
   * ISO-8601 with instants (and zoned/offset times) in RFC 3339 UTC as the API shows them, enums by
   * name, collections joined with {@value #LIST_SEPARATOR}.
   */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? d.toString() : BigDecimal.valueOf(d).toPlainString();
    }
    if (value instanceof Float f) {
      return f.isNaN() || f.isInfinite()
          ? f.toString()
          : new BigDecimal(Float.toString(f)).toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof TemporalAccessor t) {
      return temporal(t);
    }
    if (value instanceof Date d) {
      return DateTimeFormatter.ISO_INSTANT.format(d.toInstant());
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Optional<?> o) {
      return text(o.orElse(null));
    }
    if (value instanceof Iterable<?> items) {
      return join(items.iterator());
    }
    if (value instanceof Object[] items) {
      return join(java.util.Arrays.asList(items).iterator());
    }
    return value.toString();
  }

  /**
   * Whether the text came from a user-typed value, which may start with a formula trigger. Numbers,
   * booleans, times, UUIDs and enums we format ourselves; a negative number must stay a number.
   */
  static boolean isFreeText(Object value) {
    if (value instanceof Optional<?> o) {
      return isFreeText(o.orElse(null));
    }
    return !(value == null
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof TemporalAccessor
        || value instanceof Date
        || value instanceof java.util.UUID
        || value instanceof Enum<?>);
  }

  private static String temporal(TemporalAccessor t) {
    if (t instanceof Instant i) {
      return DateTimeFormatter.ISO_INSTANT.format(i);
    }
    if (t instanceof OffsetDateTime o) {
      return DateTimeFormatter.ISO_INSTANT.format(o.toInstant());
    }
    if (t instanceof ZonedDateTime z) {
      return DateTimeFormatter.ISO_INSTANT.format(z.toInstant());
    }
    if (t instanceof LocalDate d) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
    }
    if (t instanceof LocalDateTime d) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(d);
    }
    if (t instanceof LocalTime d) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(d);
    }
    return t.toString(); // YearMonth, Year, OffsetTime...: their toString is ISO-8601
  }

  private static String join(Iterator<?> items) {
    StringBuilder out = new StringBuilder();
    while (items.hasNext()) {
      Object item = items.next();
      if (item == null) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append(LIST_SEPARATOR);
      }
      out.append(text(item));
    }
    return out.toString();
  }
}
