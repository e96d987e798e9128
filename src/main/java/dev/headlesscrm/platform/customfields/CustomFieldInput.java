package dev.headlesscrm.platform.customfields;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a custom field definition: a create's body, a merge patch's target. */
@Input("CustomFieldInput")
@Schema(
    name = "CustomFieldInput",
    description =
        "A custom field definition. resource, key and type are fixed once created; the rest may"
            + " change.")
public record CustomFieldInput(
    @NotBlank
        @Size(max = 64)
        @Schema(
            description = "The resource it extends (see GET /api/v1/metadata)",
            examples = "customer")
        String resource,
    @NotBlank
        @Size(max = 40)
        @Pattern(regexp = "[a-z][A-Za-z0-9_]{0,39}")
        @Schema(
            description = "The name under custom and in custom.<key> filters",
            examples = "budget")
        String key,
    @NotNull @Schema(examples = "MONEY") CustomFieldType type,
    @NotBlank @Size(max = 100) @Schema(examples = "年度预算") String labelZh,
    @Size(max = 100) @Schema(examples = "Annual budget") String labelEn,
    @Size(max = 2000) String description,
    @Schema(description = "Creates must give it, updates may not clear it") Boolean required,
    @Schema(description = "No two live records share a value (an index enforces it)")
        Boolean unique,
    @Size(max = 500)
        @Schema(description = "A Java regular expression whole text values must match (text only)")
        String pattern,
    @Schema(description = "Smallest number allowed (number and money only)") BigDecimal minimum,
    @Schema(description = "Largest number allowed (number and money only)") BigDecimal maximum,
    @Min(1)
        @Max(10000)
        @Schema(description = "Longest text allowed; 255 for text, 10000 for long text by default")
        Integer maxLength,
    @Size(max = 64)
        @Schema(
            description = "The dictionary whose codes a select or multi-select takes",
            examples = "industry")
        String dictionary,
    @Size(max = 64)
        @Schema(description = "The resource a reference points to", examples = "contact")
        String referenceResource,
    @Schema(description = "Position in forms, smallest first") Integer sortOrder) {}
