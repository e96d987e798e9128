package dev.headlesscrm.platform.api;

/**
 * The stable catalogue of problem types (RFC 9457). The {@code type} URI and the GraphQL {@code
 * extensions.code} are both the {@link #code()}; titles exist in English and Simplified Chinese.
 */
public enum ProblemType {
  MOVED(301, "moved", "Moved permanently", "记录已迁移"),
  MALFORMED(400, "malformed", "Malformed request", "请求格式错误"),
  UNAUTHORIZED(401, "unauthorized", "Authentication required", "需要身份认证"),
  FORBIDDEN(403, "forbidden", "Not permitted", "无权执行此操作"),
  NOT_FOUND(404, "not-found", "Not found", "资源不存在"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "不支持该请求方法"),
  NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", "无法提供所请求的表示格式"),
  CONFLICT(409, "conflict", "Conflict", "请求与当前状态冲突"),
  PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed", "前置条件不满足"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large", "请求体过大"),
  URI_TOO_LONG(414, "uri-too-long", "URI too long", "请求地址过长"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type", "不支持的媒体类型"),
  VALIDATION(422, "validation", "Validation failed", "数据校验失败"),
  PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required", "缺少前置条件"),
  RATE_LIMITED(429, "rate-limited", "Too many requests", "请求过于频繁"),
  HEADERS_TOO_LARGE(431, "header-fields-too-large", "Request header fields too large", "请求头过大"),
  INTERNAL(500, "internal", "Internal error", "服务器内部错误"),
  UNAVAILABLE(503, "unavailable", "Service unavailable", "服务暂时不可用");

  /** Problem type URIs are relative to this base, e.g. {@code /problems/validation}. */
  public static final String BASE = "/problems/";

  private final int status;
  private final String code;
  private final String titleEn;
  private final String titleZh;

  ProblemType(int status, String code, String titleEn, String titleZh) {
    this.status = status;
    this.code = code;
    this.titleEn = titleEn;
    this.titleZh = titleZh;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String uri() {
    return BASE + code;
  }

  public String title(Lang lang) {
    return lang == Lang.ZH ? titleZh : titleEn;
  }

  /** The type that answers a bare HTTP status, for errors raised outside our own code. */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : MALFORMED;
  }
}
