package dev.headlesscrm.platform.imports;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One column of the file and the field it feeds. The column is named by its header or by its
 * position (0-based); the field by its name in the resource's input, a dotted path into an object
 * ({@code address.city}) or {@code custom.<key>} for a custom field.
 */
@Type("ImportColumnMapping")
@Input("ImportColumnMappingInput")
@Schema(name = "ImportColumnMapping")
public record ColumnMapping(
    @Schema(
            description = "The column's header (needs hasHeader); or give position",
            examples = "客户名称")
        @Size(max = 200)
        String column,
    @Schema(description = "The column's 0-based position; or give column", examples = "0") @Min(0)
        Integer position,
    @Schema(description = "The field it feeds", examples = "name") @NotBlank @Size(max = 200)
        String field) {}
