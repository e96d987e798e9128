package dev.headlesscrm.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One published event as the feed (and later webhooks) deliver it. */
@Schema(name = "Event", description = "One committed change, in the order of the change feed.")
@Type("Event")
public record EventView(
    UUID id,
    @Schema(
            description = "Position in the feed; pass the last one read as `after`.",
            examples = "1042")
        long sequence,
    @Schema(examples = "customer.updated") String type,
    Instant occurredAt,
    @Schema(description = "Who made the change; null for system work.") UUID actor,
    @Schema(examples = "customer") String resource,
    UUID resourceId,
    @Schema(description = "The record's version after the change.") long version,
    @Schema(
            implementation = Map.class,
            type = SchemaType.OBJECT,
            description =
                "The changed fields, each as {\"old\": ..., \"new\": ...} (see FieldChange).")
        @AdaptToScalar(Scalar.String.class)
        JsonNode changes,
    @Schema(
            implementation = Map.class,
            type = SchemaType.OBJECT,
            nullable = true,
            description = "The record as clients read it after the change; null once erased.")
        @AdaptToScalar(Scalar.String.class)
        JsonNode data) {}
