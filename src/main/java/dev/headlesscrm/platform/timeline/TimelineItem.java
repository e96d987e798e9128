package dev.headlesscrm.platform.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a customer's timeline. */
@Type("TimelineItem")
@Schema(name = "TimelineItem")
public record TimelineItem(
    @Schema(description = "The record's id, or the history entry's for moves and stage changes")
        UUID id,
    @Schema(
            description =
                "follow-up, task, care, marketing, quote, contract, payment, opportunity,"
                    + " ownership, stage, service-request, satisfaction",
            examples = "follow-up")
        String kind,
    @Schema(description = "When it happened (a follow-up's time, a record's creation, a move)")
        Instant at,
    @Schema(examples = "follow-up") String resource,
    UUID recordId,
    @Schema(examples = "电话：确认二期采购预算") String title,
    @Schema(description = "The employee who did it or owns it") UUID actorId,
    @Schema(description = "Kind-specific fields the caller may see (status, amount, action...)")
        Map<String, String> detail) {}
