package dev.headlesscrm.platform.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one subscription, with every attempt made. */
@Type("WebhookDelivery")
@Schema(
    name = "WebhookDelivery",
    description =
        "One event sent (or being sent) to a subscription. The body is payload; every attempt"
            + " sends it with webhook-id = eventId.")
public record WebhookDeliveryView(
    UUID id,
    UUID eventId,
    @Schema(description = "The event's position in the change feed", examples = "1042")
        long eventSequence,
    @Schema(examples = "customer.updated") String eventType,
    @Schema(examples = "customer") String resource,
    UUID resourceId,
    @Schema(description = "EVENT (as it happened), REDELIVERY or REPLAY (asked for by hand)")
        String reason,
    @Schema(description = "PENDING (to be tried, or retried), SUCCEEDED, or FAILED (given up)")
        String status,
    int attemptCount,
    @Schema(description = "When the next attempt is due, while PENDING") Instant nextAttemptAt,
    Instant createdAt,
    Instant finishedAt,
    @Schema(description = "The JSON body sent: the event as the subscription's owner may see it")
        String payload,
    @Schema(description = "Every attempt, first first") List<WebhookAttemptView> attempts) {

  /** One HTTP request of a delivery and what came back. */
  @Type("WebhookAttempt")
  @Schema(name = "WebhookAttempt")
  public record WebhookAttemptView(
      int attempt,
      Instant startedAt,
      String url,
      @Schema(description = "The request's webhook-* headers as sent") String requestHeaders,
      @Schema(
              description =
                  "IN_FLIGHT, SUCCEEDED, FAILED, or INTERRUPTED (its sender stopped; another"
                      + " attempt follows)")
          String outcome,
      @Schema(description = "The answer's HTTP status; null when none came") Integer responseStatus,
      @Schema(description = "The first 2,048 bytes of the answer") String responseBody,
      Integer latencyMs,
      @Schema(description = "What went wrong without an answer (timeout, connection refused...)")
          String error) {}
}
