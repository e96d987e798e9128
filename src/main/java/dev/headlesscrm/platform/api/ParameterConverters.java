package dev.headlesscrm.platform.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Query, path, header and cookie parameters of every REST route, parsed once here: a value that is
 * not of the parameter's type is a 400 problem naming the parameter ({@code errors[].field}), where
 * JAX-RS would answer a bare 404 (query and path) or 400. Booleans are strict ({@code true}/{@code
 * false}), ids are canonical UUIDs, and text obeys {@link UnicodeText} as it does in bodies.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** What a type expects, for the message, and how to parse it. */
  private record Kind(Text expected, Function<String, Object> parse) {}

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = nameOf(annotations);
    if (rawType == String.class) {
      // Text (filter, q, If-Match...) is checked by the converter alone, as text in bodies is.
      return (ParamConverter<T>) new Converter<String>(name, value -> value);
    }
    Kind kind = kindOf(rawType);
    if (kind == null) {
      return null;
    }
    return new Converter<T>(
        name,
        value -> {
          if (value.isBlank()) {
            // Given empty (?limit=) is not given: the default, as JAX-RS gives primitives "0".
            return rawType.isPrimitive() ? (T) kind.parse().apply("0") : null;
          }
          try {
            return (T) kind.parse().apply(value.trim());
          } catch (RuntimeException bad) {
            throw refused(name, kind.expected().en(), kind.expected().zh());
          }
        });
  }

  private static final class Converter<T> implements ParamConverter<T> {
    private final String name;
    private final Function<String, T> parse;

    Converter(String name, Function<String, T> parse) {
      this.name = name;
      this.parse = parse;
    }

    @Override
    public T fromString(String value) {
      if (value == null) {
        return null;
      }
      UnicodeText.Refusal refusal = UnicodeText.refusal(value);
      if (refusal != null) {
        throw refused(name, refusal);
      }
      return parse.apply(value);
    }

    @Override
    public String toString(T value) {
      return value == null ? null : value.toString();
    }
  }

  private static Kind kindOf(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return new Kind(Text.of("a whole number", "整数"), Integer::valueOf);
    }
    if (type == Long.class || type == long.class) {
      return new Kind(Text.of("a whole number", "整数"), Long::valueOf);
    }
    if (type == Boolean.class || type == boolean.class) {
      return new Kind(Text.of("true or false", "true 或 false"), ParameterConverters::bool);
    }
    if (type == UUID.class) {
      return new Kind(Text.of("a record id (a UUID)", "记录 id（UUID）"), ParameterConverters::uuid);
    }
    if (type == BigDecimal.class) {
      return new Kind(Text.of("a number", "数字"), BigDecimal::new);
    }
    if (type == LocalDate.class) {
      return new Kind(Text.of("a date (YYYY-MM-DD)", "日期（YYYY-MM-DD）"), LocalDate::parse);
    }
    if (type.isEnum()) {
      String names =
          java.util.Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(java.util.stream.Collectors.joining(", "));
      return new Kind(
          Text.of("one of " + names, names + " 之一"),
          v -> enumValue(type, v.toUpperCase(java.util.Locale.ROOT)));
    }
    if (type == Instant.class || type == OffsetDateTime.class) {
      Function<String, Object> parse =
          type == Instant.class
              ? v -> OffsetDateTime.parse(v).toInstant()
              : v -> OffsetDateTime.parse(v);
      return new Kind(Text.of("an RFC 3339 time", "RFC 3339 时间"), parse);
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  /** true or false; 1 and 0 too (0 is what JAX-RS passes for an absent primitive). */
  private static Object bool(String value) {
    if (value.equalsIgnoreCase("true") || value.equals("1")) {
      return Boolean.TRUE;
    }
    if (value.equalsIgnoreCase("false") || value.equals("0")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException(value);
  }

  private static Object uuid(String value) {
    if (!UUID_TEXT.matcher(value).matches()) {
      throw new IllegalArgumentException(value);
    }
    return UUID.fromString(value);
  }

  private static String nameOf(Annotation[] annotations) {
    if (annotations != null) {
      for (Annotation a : annotations) {
        if (a instanceof QueryParam q) {
          return q.value();
        }
        if (a instanceof PathParam p) {
          return p.value();
        }
        if (a instanceof HeaderParam h) {
          return h.value();
        }
        if (a instanceof CookieParam c) {
          return c.value();
        }
      }
    }
    return "parameter";
  }

  private static BadRequestException refused(String name, String expectedEn, String expectedZh) {
    return refused(
        name,
        new UnicodeText.Refusal(
            "type", Text.of("Must be " + expectedEn + ".", "必须是" + expectedZh + "。")));
  }

  /** Thrown as a JAX-RS 400 whose cause the problem mapper reports. */
  private static BadRequestException refused(String name, UnicodeText.Refusal refusal) {
    CrmException problem = CrmException.invalidParameter(name, refusal.code(), refusal.message());
    return new BadRequestException(problem.getMessage(), problem);
  }
}
