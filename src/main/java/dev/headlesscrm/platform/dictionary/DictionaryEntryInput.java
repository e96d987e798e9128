package dev.headlesscrm.platform.dictionary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /dictionaries/{kind}/{code}}: an entry's names, order and whether it is offered. */
@Schema(name = "DictionaryEntryInput")
@Input("DictionaryEntryInput")
public record DictionaryEntryInput(
    @NotBlank @Size(max = 100) String nameZh,
    @NotBlank @Size(max = 100) String nameEn,
    @PositiveOrZero Integer sortOrder,
    @Schema(description = "Inactive entries stay on old records but new writes refuse them")
        Boolean active) {}
