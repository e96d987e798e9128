package dev.headlesscrm.platform.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A system parameter as clients read it: its value (or default), type, bounds and history. */
@Schema(name = "Setting")
public record SettingView(
    @Schema(examples = "receivable-reminder-days") String key,
    @Schema(description = "The current value (the default while never set)") JsonNode value,
    Setting.Kind type,
    JsonNode defaultValue,
    String description,
    @Schema(description = "0 while never set; the ETag") long version,
    Instant updatedAt,
    UUID updatedBy) {}
