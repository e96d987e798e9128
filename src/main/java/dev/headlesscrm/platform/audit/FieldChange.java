package dev.headlesscrm.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One field's change, {@code {"old": ..., "new": ...}}; either side is null when the field had or
 * has no value. Values are what REST responses show (JSON strings for times, dates and enums).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "FieldChange", description = "A field's value before and after a change.")
public record FieldChange(
    @JsonProperty("old") @Schema(description = "The value before; null when it had none.")
        Object old,
    @JsonProperty("new") @Schema(description = "The value after; null when it has none.")
        Object current) {}
