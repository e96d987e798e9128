package dev.headlesscrm.platform.webhooks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the webhook actions. */
public final class WebhookInputs {

  private WebhookInputs() {}

  /** A new signing secret; the old one keeps signing for {@code overlap}. */
  @Input("RotateWebhookSecretInput")
  @Schema(name = "RotateWebhookSecretInput")
  public record RotateSecret(
      @Min(0)
          @Max(168)
          @Schema(
              description = "How many hours the old secret still signs too (0–168; default 24)",
              examples = "24")
          Integer overlapHours,
      @Size(max = 200)
          @Schema(description = "A secret of your own (whsec_…); one is generated otherwise")
          String secret) {}

  /** One event to send again. */
  @Input("RedeliverWebhookInput")
  @Schema(name = "RedeliverWebhookInput")
  public record Redeliver(@NotNull UUID eventId) {}

  /** A window of events to send again. */
  @Input("ReplayWebhookInput")
  @Schema(name = "ReplayWebhookInput")
  public record Replay(
      @NotNull @Schema(description = "From this time (inclusive)") Instant from,
      @NotNull @Schema(description = "Up to this time (exclusive)") Instant to) {}
}
