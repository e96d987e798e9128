package dev.headlesscrm.platform.query;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/** The types a filterable or sortable field can have, and how values of each are read. */
public enum FieldType {
  STRING,
  /** A text[] column of tags: == has the tag, =in= has any of them. */
  TAGS,
  UUID_,
  INTEGER,
  DECIMAL,
  BOOLEAN,
  DATE,
  INSTANT,
  ENUM;

  /** Parses a value from a filter or cursor; a bad value is a 400 naming the field. */
  public Object parse(String field, String raw, Class<? extends Enum<?>> enumType) {
    try {
      return switch (this) {
        case STRING, TAGS -> raw;
        case UUID_ -> UUID.fromString(raw);
        case INTEGER -> Long.parseLong(raw);
        case DECIMAL -> new BigDecimal(raw);
        case BOOLEAN -> {
          if (!raw.equals("true") && !raw.equals("false")) {
            throw new IllegalArgumentException(raw);
          }
          yield Boolean.parseBoolean(raw);
        }
        case DATE -> LocalDate.parse(raw);
        case INSTANT -> Instant.parse(raw);
        case ENUM -> {
          boolean known =
              Arrays.stream(enumType.getEnumConstants()).anyMatch(c -> c.name().equals(raw));
          if (!known) {
            throw new IllegalArgumentException(raw);
          }
          yield raw;
        }
      };
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw CrmException.malformed(
          Text.of(
              "'" + raw + "' is not a valid " + describe(enumType) + " for '" + field + "'.",
              "'" + raw + "' 不是字段 '" + field + "' 的有效值（" + describe(enumType) + "）。"));
    }
  }

  /** The canonical text of a value read back from the database, for cursors. */
  public String format(Object value) {
    if (value instanceof Timestamp ts) {
      return ts.toInstant().toString();
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant().toString();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof BigDecimal bd) {
      return bd.toPlainString();
    }
    return value.toString();
  }

  private String describe(Class<? extends Enum<?>> enumType) {
    return switch (this) {
      case STRING -> "text";
      case TAGS -> "tag";
      case UUID_ -> "id (UUID)";
      case INTEGER -> "integer";
      case DECIMAL -> "decimal number";
      case BOOLEAN -> "boolean (true or false)";
      case DATE -> "date (YYYY-MM-DD)";
      case INSTANT -> "time (RFC 3339, e.g. 2026-11-23T08:00:00Z)";
      case ENUM ->
          "value (one of "
              + String.join(
                  ", ", Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList())
              + ")";
    };
  }
}
