package dev.headlesscrm.platform.imports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What POST /imports creates: the job's settings; the file follows in parts. */
@Input("ImportInput")
@Schema(name = "ImportInput")
public record ImportInput(
    @NotBlank
        @Schema(
            description = "The resource the rows become",
            enumeration = {"customer", "contact", "lead", "product", "opportunity"},
            examples = "customer")
        String resource,
    @NotNull ImportFormat format,
    @Schema(
            description =
                "A CSV's text encoding: UTF-8 (default; a byte-order mark is skipped) or GB18030"
                    + " (also GBK and GB2312: Excel's \"CSV (逗号分隔)\" on Chinese Windows)",
            enumeration = {"UTF-8", "GB18030"})
        String encoding,
    @Size(max = 255) @Schema(description = "For the record; not used to read the file")
        String fileName,
    @Schema(description = "Default true: the first row names the columns") Boolean hasHeader,
    @Schema(description = "Default NONE: every row is a new record") DuplicateKey duplicateKey,
    @Schema(description = "Default SKIP") OnDuplicate onDuplicate,
    @Schema(description = "Default false: rows are written") Boolean dryRun,
    @Schema(
            description =
                "Which column feeds which field. When absent (and no mappingName): the saved"
                    + " mapping named default, else each header that is a field's name or label"
                    + " (GET /imports/templates/{resource} lists them)")
        @Size(max = 500)
        List<@Valid ColumnMapping> mapping,
    @Size(max = 100) @Schema(description = "Use the caller's saved mapping of this name")
        String mappingName,
    @Size(max = 100)
        @Schema(description = "Also save the mapping used under this name, for this caller")
        String saveMappingAs) {}
