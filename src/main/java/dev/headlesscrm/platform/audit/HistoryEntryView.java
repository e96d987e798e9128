package dev.headlesscrm.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a record's history: who did what when, field by field. */
@Schema(name = "HistoryEntry", description = "One change to a record, field by field.")
public record HistoryEntryView(
    UUID id,
    @Schema(examples = "updated") String action,
    @Schema(description = "The record's version after the change.") long version,
    @Schema(description = "Who made the change; null for system work.") UUID actor,
    Instant occurredAt,
    @Schema(description = "The changed fields, each with its old and new value.")
        Map<String, FieldChange> changes) {}
