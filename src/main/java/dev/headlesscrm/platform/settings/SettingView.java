package dev.headlesscrm.platform.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A system parameter as clients read it: its value (or default), type, bounds and history. */
@Schema(name = "Setting")
@Type("Setting")
public record SettingView(
    @Schema(examples = "receivable-reminder-days") String key,
    @Schema(description = "The current value (the default while never set)")
        @AdaptToScalar(Scalar.String.class)
        JsonNode value,
    Setting.Kind type,
    @AdaptToScalar(Scalar.String.class) JsonNode defaultValue,
    String description,
    @Schema(description = "0 while never set; the ETag") long version,
    Instant updatedAt,
    UUID updatedBy) {}
