package dev.headlesscrm.platform.webhooks;

import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as clients read it; its secret is read apart (GET .../secret). */
@Type("Webhook")
@Schema(
    name = "Webhook",
    description =
        "Where committed events are sent: each matching event, as the owner may see it, signed the"
            + " Standard Webhooks way with the subscription's secret.")
public record WebhookView(
    @Id UUID id,
    @Schema(examples = "https://erp.example.com/crm-events") String url,
    @Schema(
            description = "Event type patterns; a trailing * matches any suffix",
            examples = "[\"customer.*\", \"sales-order.approved\"]")
        List<String> eventTypes,
    @Schema(
            description =
                "Only events of records matching this filter (the list filter language of the"
                    + " one resource eventTypes name)",
            examples = "level==A")
        String filter,
    String description,
    @Schema(description = "False: nothing is sent; pending deliveries wait until it is true again")
        boolean active,
    @Schema(description = "Whose permissions decide what the payloads show: who subscribed")
        UUID ownerId,
    @Schema(description = "Until when the secret before the last rotation still signs too")
        Instant previousSecretExpiresAt,
    @Schema(description = "Why delivery was turned off, when the service turned it off")
        String disabledReason,
    Instant disabledAt,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
