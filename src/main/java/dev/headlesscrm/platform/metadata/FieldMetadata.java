package dev.headlesscrm.platform.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field of a resource as a form or a table needs it, for the calling user. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldMetadata", description = "One field of a resource, for the calling user.")
public record FieldMetadata(
    @Schema(examples = "creditLimit") String name,
    @Schema(
            description =
                "string, text, integer, decimal, boolean, date, datetime, uuid, enum, object, array",
            examples = "decimal")
        String type,
    @Schema(description = "In the language of Accept-Language (zh-CN or en)") String label,
    @Schema(description = "A create must give it") boolean required,
    @Schema(description = "Never written by clients (ids, versions, audit, computed values)")
        boolean readOnly,
    Integer maxLength,
    String pattern,
    BigDecimal minimum,
    BigDecimal maximum,
    @Schema(description = "email for e-mail addresses") String format,
    @Schema(description = "The dictionary kind whose codes the field takes") String dictionary,
    @Schema(description = "The values it takes (dictionary entries or enum constants)")
        List<Option> options,
    @Schema(description = "May be used in filter") boolean filterable,
    @Schema(description = "May be used in sort") boolean sortable,
    @Schema(description = "The resource an id field refers to") String relation,
    @Schema(description = "The relation's name in filter paths and expand") String relationName,
    @Schema(description = "Needs the resource's view_sensitive permission") boolean sensitive,
    @Schema(description = "Whether this caller sees the field") boolean visible,
    @Schema(description = "Whether this caller may write it") boolean writable,
    @Schema(description = "The element type of an array") String items,
    @Schema(description = "The fields of an object, or of an array's elements")
        List<FieldMetadata> fields) {

  /** One value a field may take. */
  @Schema(name = "FieldOption")
  @org.eclipse.microprofile.graphql.Type("FieldOption")
  public record Option(
      @Schema(examples = "IT") String value,
      @Schema(examples = "信息技术") String labelZh,
      @Schema(examples = "Information technology") String labelEn,
      @Schema(description = "Inactive values stay readable on old records but are refused on write")
          boolean active) {}
}
