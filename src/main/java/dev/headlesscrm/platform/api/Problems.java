package dev.headlesscrm.platform.api;

import java.util.List;
import java.util.UUID;

/**
 * Builds problem documents. The only place that decides what an error body looks like, used by the
 * JAX-RS mapper and by the HTTP-layer handler (authentication failures, unmatched routes).
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  public static Problem of(CrmException e, String instance, Lang lang) {
    List<FieldError> errors =
        e.violations().isEmpty()
            ? null
            : e.violations().stream()
                .map(v -> new FieldError(v.field(), v.code(), v.message().in(lang)))
                .toList();
    Problem p = build(e.type(), e.detail().in(lang), instance, lang, errors);
    return e.extensions().isEmpty()
        ? p
        : new Problem(
            p.type(),
            p.title(),
            p.status(),
            p.detail(),
            p.instance(),
            p.traceId(),
            p.errors(),
            e.extensions());
  }

  public static Problem of(ProblemType type, Text detail, String instance, Lang lang) {
    return build(type, detail == null ? null : detail.in(lang), instance, lang, null);
  }

  private static Problem build(
      ProblemType type, String detail, String instance, Lang lang, List<FieldError> errors) {
    return new Problem(
        type.uri(), type.title(lang), type.status(), detail, instance, newTraceId(), errors);
  }

  /** A fresh id that ties a response to the server log line written for it. */
  public static String newTraceId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
