package dev.headlesscrm.platform.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.headlesscrm.platform.metadata.FieldMetadata;
import java.util.List;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One column an import of a resource takes: a field the caller may write, as a cell. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Type("ImportColumn")
@Schema(name = "ImportColumn")
public record ImportColumn(
    @Schema(
            description = "The field: its name, a dotted path into an object, or custom.<key>",
            examples = "address.city")
        String field,
    @Schema(description = "In the language of Accept-Language", examples = "客户名称") String label,
    @Schema(
            description =
                "string, text, integer, decimal, boolean, date, datetime, uuid, enum, array (cells"
                    + " of arrays are split at ; )",
            examples = "string")
        String type,
    @Schema(description = "A new record needs it") boolean required,
    @Schema(description = "The values it takes; a cell may give the value or either label")
        List<FieldMetadata.Option> options,
    @Schema(
            description =
                "The resource an id column refers to; its cell may give the id, or the number,"
                    + " external id or name of that record")
        String relation,
    @Schema(description = "A value this column could hold", examples = "示例客户名称") String example) {}
