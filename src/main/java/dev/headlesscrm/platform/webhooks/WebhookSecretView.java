package dev.headlesscrm.platform.webhooks;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription's signing secrets: verify webhook-signature with either while both sign. */
@Type("WebhookSecret")
@Schema(name = "WebhookSecret")
public record WebhookSecretView(
    @Schema(examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
    @Schema(description = "The secret before the last rotation, while it still signs too")
        String previousSecret,
    Instant previousSecretExpiresAt) {}
