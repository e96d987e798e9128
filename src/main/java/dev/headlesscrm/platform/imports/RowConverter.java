package dev.headlesscrm.platform.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.platform.api.BusinessTime;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.metadata.FieldMetadata;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Turns one row's cells into the JSON body its single call would take: each mapped cell converted
 * to its field's type (a workbook's day numbers to dates, 是/否 to booleans, an option's label to its
 * value, a referenced record's number to its id), nested at its dotted path. An empty cell sets
 * nothing, so an update keeps what the record has. The first cell that cannot be read is the row's
 * reason; the rest of the rules are the resource's own, checked when the row is written.
 */
final class RowConverter {

  /** A mapped column: its position in the row and the field it feeds. */
  record Target(int position, String header, ImportFields.Field field) {}

  /** A row read: its body, or why it cannot be. */
  record Converted(ObjectNode body, String reason) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
  private static final Pattern SPLIT = Pattern.compile("\\s*[;；]\\s*");
  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-M-d"),
          DateTimeFormatter.ofPattern("uuuu/M/d"),
          DateTimeFormatter.ofPattern("uuuu.M.d"),
          DateTimeFormatter.ofPattern("uuuu年M月d日"));
  private static final List<DateTimeFormatter> LOCAL_TIMES =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]"),
          DateTimeFormatter.ofPattern("uuuu/M/d H:mm[:ss]"),
          DateTimeFormatter.ISO_LOCAL_DATE_TIME);

  private final List<Target> targets;
  private final Lang lang;

  /** Resolves a referenced record's number, external id or name to its id (or says why not). */
  private final BiFunction<String, String, Resolved> references;

  /** A reference looked up: the id, or why there is none. */
  record Resolved(UUID id, String reason) {}

  RowConverter(List<Target> targets, Lang lang, BiFunction<String, String, Resolved> references) {
    this.targets = targets;
    this.lang = lang;
    this.references = references;
  }

  Converted convert(List<Object> cells) {
    ObjectNode body = JSON.objectNode();
    for (Target t : targets) {
      Object cell = t.position() < cells.size() ? cells.get(t.position()) : null;
      if (cell == null || (cell instanceof String s && s.isBlank())) {
        continue;
      }
      JsonNode value;
      try {
        value = value(t.field(), cell);
      } catch (Unreadable e) {
        return new Converted(null, column(t) + e.getMessage());
      }
      put(body, t.field().path(), value);
    }
    return new Converted(body, null);
  }

  private String column(Target t) {
    String name = t.header() != null ? t.header() : "#" + (t.position() + 1);
    return lang == Lang.ZH ? "列 " + name + "：" : "Column " + name + ": ";
  }

  private static void put(ObjectNode body, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode node = body;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
    }
    node.set(parts[parts.length - 1], value);
  }

  private JsonNode value(ImportFields.Field field, Object cell) {
    if ("array".equals(field.type())) {
      ArrayNode array = JSON.arrayNode();
      for (String part : SPLIT.split(text(cell).strip())) {
        if (!part.isEmpty()) {
          array.add(scalar(field, field.items() == null ? "string" : field.items(), part));
        }
      }
      return array;
    }
    return scalar(field, field.type(), cell);
  }

  private JsonNode scalar(ImportFields.Field field, String type, Object cell) {
    if (field.options() != null && !field.options().isEmpty()) {
      return JSON.textNode(option(field.options(), text(cell).strip()));
    }
    if (field.relation() != null && ("uuid".equals(type) || "string".equals(type))) {
      String given = text(cell).strip();
      try {
        return JSON.textNode(UUID.fromString(given).toString());
      } catch (IllegalArgumentException notAnId) {
        Resolved r = references.apply(field.relation(), given);
        if (r.id() == null) {
          throw new Unreadable(r.reason());
        }
        return JSON.textNode(r.id().toString());
      }
    }
    return switch (type) {
      case "integer" -> {
        BigDecimal n = number(cell);
        try {
          yield JSON.numberNode(n.longValueExact());
        } catch (ArithmeticException e) {
          throw unreadable("not a whole number", "不是整数", cell);
        }
      }
      case "decimal", "number" -> JSON.numberNode(number(cell));
      case "boolean" -> JSON.booleanNode(bool(cell));
      case "date" -> JSON.textNode(date(cell).toString());
      case "datetime" -> JSON.textNode(dateTime(cell).toString());
      default -> JSON.textNode(text(cell).strip());
    };
  }

  private String option(List<FieldMetadata.Option> options, String given) {
    for (FieldMetadata.Option o : options) {
      if (o.value().equalsIgnoreCase(given)
          || given.equalsIgnoreCase(o.labelZh())
          || given.equalsIgnoreCase(o.labelEn())) {
        return o.value();
      }
    }
    return given; // the resource's own validation names the values it takes
  }

  private static String text(Object cell) {
    if (cell instanceof BigDecimal n) {
      return n.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(cell);
  }

  private BigDecimal number(Object cell) {
    if (cell instanceof BigDecimal n) {
      return n;
    }
    String s = text(cell).strip().replace(",", "").replace("，", "");
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw unreadable("not a number", "不是数字", cell);
    }
  }

  private boolean bool(Object cell) {
    if (cell instanceof Boolean b) {
      return b;
    }
    return switch (text(cell).strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "是", "对", "真" -> true;
      case "false", "no", "n", "0", "否", "错", "假" -> false;
      default -> throw unreadable("not true or false", "不是“是”或“否”", cell);
    };
  }

  private LocalDate date(Object cell) {
    if (cell instanceof BigDecimal days) {
      return EXCEL_EPOCH.plusDays(days.longValue());
    }
    String s = text(cell).strip();
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(s, f);
      } catch (DateTimeParseException next) {
        // the next pattern
      }
    }
    try {
      return dateTime(cell).atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
    } catch (Unreadable e) {
      throw unreadable("not a date (yyyy-MM-dd)", "不是日期（yyyy-MM-dd）", cell);
    }
  }

  /** A date-time with an offset as given; without one, a wall-clock time in the business zone. */
  private OffsetDateTime dateTime(Object cell) {
    if (cell instanceof BigDecimal days) {
      long seconds =
          days.multiply(BigDecimal.valueOf(86_400))
              .setScale(0, java.math.RoundingMode.HALF_UP)
              .longValue();
      return EXCEL_EPOCH
          .atStartOfDay()
          .plusSeconds(seconds)
          .atZone(BusinessTime.ZONE)
          .toOffsetDateTime();
    }
    String s = text(cell).strip();
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException notOffset) {
      for (DateTimeFormatter f : LOCAL_TIMES) {
        try {
          return LocalDateTime.parse(s, f).atZone(BusinessTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException next) {
          // the next pattern
        }
      }
    }
    throw unreadable("not a date-time (RFC 3339)", "不是日期时间（RFC 3339）", cell);
  }

  private Unreadable unreadable(String en, String zh, Object cell) {
    String shown = text(cell);
    if (shown.length() > 40) {
      shown = shown.substring(0, 40) + "…";
    }
    return new Unreadable((lang == Lang.ZH ? zh : en) + " (" + shown + ")");
  }

  /** A cell that cannot be read as its field's type. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }
}
