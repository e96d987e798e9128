package dev.headlesscrm.platform.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Text;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A list request, the same whether it came as {@code GET /x?filter=...} parameters, as the body of
 * {@code POST /x/search}, or as GraphQL arguments.
 */
@Schema(name = "SearchRequest", description = "The body of POST /x/search: the list parameters.")
@JsonIgnoreProperties(ignoreUnknown = false)
public record ListQuery(
    @Schema(description = "RSQL filter, e.g. level==A;creditLimit=ge=100000") String filter,
    @Schema(description = "Free text") String q,
    @Schema(description = "Sort keys, '-' for descending, e.g. [\"-createdAt\", \"name\"]")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> sort,
    @Schema(description = "Page size, 1-500 (default 50)") Integer limit,
    @Schema(description = "The nextCursor of the previous page") String cursor,
    @Schema(description = "Only these fields (id is always included)")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> fields,
    @Schema(description = "Related records to embed, e.g. [\"owner\", \"parent\"]")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> expand,
    @Schema(description = "Add page.total (exact; costly on large lists)") Boolean count,
    @Schema(description = "Include soft-deleted records") Boolean includeDeleted) {

  public static ListQuery of(
      String filter,
      String q,
      String sort,
      Integer limit,
      String cursor,
      String fields,
      String expand,
      Boolean count,
      Boolean includeDeleted) {
    return new ListQuery(
        filter, q, split(sort), limit, cursor, split(fields), split(expand), count, includeDeleted);
  }

  /** A list as GraphQL asks for it: no projection (the selection set is one), no deleted rows. */
  public static ListQuery of(
      String filter, String q, List<String> sort, Integer first, String after, Boolean count) {
    return new ListQuery(filter, q, sort, first, after, null, null, count, null);
  }

  public static ListQuery firstPage(Integer limit, String cursor) {
    return new ListQuery(null, null, null, limit, cursor, null, null, null, null);
  }

  public PageRequest page() {
    return PageRequest.of(limit, cursor);
  }

  public boolean counting() {
    return Boolean.TRUE.equals(count);
  }

  public boolean withDeleted() {
    return Boolean.TRUE.equals(includeDeleted);
  }

  public ListQuery withFilter(String extra) {
    String combined =
        filter == null || filter.isBlank() ? extra : "(" + filter + ");(" + extra + ")";
    return new ListQuery(combined, q, sort, limit, cursor, fields, expand, count, includeDeleted);
  }

  private static List<String> split(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** A list parameter given twice or empty is a client error worth naming. */
  static CrmException badParameter(String name) {
    return CrmException.malformed(
        Text.of("Bad parameter '" + name + "'.", "参数 '" + name + "' 无效。"));
  }
}
