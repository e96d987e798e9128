package dev.headlesscrm.platform.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A redelivery or replay asked for by hand, and how far it has got. */
@Type("WebhookReplay")
@Schema(
    name = "WebhookReplay",
    description =
        "Events queued again for one subscription: one event (eventId) or those of a window"
            + " [from, to). Queued deliveries appear in the delivery log with reason REDELIVERY"
            + " or REPLAY.")
public record WebhookReplayView(
    UUID id,
    UUID webhookId,
    UUID eventId,
    Instant from,
    Instant to,
    @Schema(description = "RUNNING while events are being queued, then DONE") String status,
    @Schema(description = "Deliveries queued so far") int queued,
    Instant createdAt,
    Instant finishedAt) {}
