package dev.headlesscrm.platform.webhooks.api;

import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.webhooks.WebhookDeliveryView;
import dev.headlesscrm.platform.webhooks.WebhookInputs;
import dev.headlesscrm.platform.webhooks.WebhookReplayView;
import dev.headlesscrm.platform.webhooks.WebhookSecretView;
import dev.headlesscrm.platform.webhooks.WebhookService;
import dev.headlesscrm.platform.webhooks.WebhookView;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions: the standard routes, their secrets, the delivery log, and deliveries asked
 * for by hand. Administrators and integrations manage them.
 */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
public class WebhookResource extends RecordResource<WebhookView> {

  @Inject WebhookService service;

  @Override
  protected RecordService<?, WebhookView, ?> service() {
    return service;
  }

  @Override
  protected Class<WebhookView> viewType() {
    return WebhookView.class;
  }

  @GET
  @Path("{id}/secret")
  @Operation(
      operationId = "getWebhookSecret",
      summary = "Read a webhook subscription's signing secrets",
      description =
          "The secret that signs every delivery (webhook-signature: v1,<base64 HMAC-SHA256 of"
              + " \"id.timestamp.body\"> keyed with the base64-decoded part after whsec_) and,"
              + " during a rotation's overlap, the previous one, which signs as well. Needs the"
              + " UPDATE permission on webhook.")
  public WebhookSecretView secret(@PathParam("id") UUID id) {
    return service.secret(id);
  }

  @POST
  @Path("{id}/rotate-secret")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Give a webhook subscription a new signing secret",
      description =
          "The new secret signs from now on; the old one signs too for overlapHours (default 24),"
              + " so every delivery carries both signatures until then. Moves the subscription's"
              + " version (If-Match applies) and records webhook.secret-rotated.")
  public WebhookSecretView rotateSecret(
      @PathParam("id") UUID id, @Valid WebhookInputs.RotateSecret body) {
    return service.rotateSecret(id, body);
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "Read a webhook subscription's delivery log",
      description =
          "Deliveries newest first, each with its payload and every attempt (request headers,"
              + " response status and first bytes, latency, error). Kept 30 days"
              + " (crm.webhooks.log-retention).")
  public Page<WebhookDeliveryView> deliveries(
      @PathParam("id") UUID id,
      @Parameter(
              description = "Only deliveries in this state",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      enumeration = {"PENDING", "SUCCEEDED", "FAILED"}))
          @QueryParam("status")
          String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return service.deliveries(id, status, PageRequest.of(limit, cursor));
  }

  @POST
  @Path("{id}/redeliver")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "redeliverWebhookEvent",
      summary = "Send one event to a webhook subscription again",
      description =
          "Queues the event (one the change feed still keeps, of a type the subscription"
              + " matches) as a new delivery with reason REDELIVERY, as the owner may see it now;"
              + " it is sent with the same webhook-id. 202 with the request, which"
              + " GET /webhooks/{id}/replays/{replayId} follows.")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookReplayView.class)))
  public Response redeliver(
      @PathParam("id") UUID id, @Valid @NotNull WebhookInputs.Redeliver body) {
    return Response.accepted(service.redeliver(id, body)).build();
  }

  @POST
  @Path("{id}/replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replayWebhookEvents",
      summary = "Send a time window's events to a webhook subscription again",
      description =
          "Queues every kept event that occurred in [from, to) and the subscription matches"
              + " (types, filter, what the owner may see) as deliveries with reason REPLAY, in"
              + " feed order, a chunk at a time. 202 with the request; follow it with"
              + " GET /webhooks/{id}/replays/{replayId}.")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookReplayView.class)))
  public Response replay(@PathParam("id") UUID id, @Valid @NotNull WebhookInputs.Replay body) {
    return Response.accepted(service.replay(id, body)).build();
  }

  @GET
  @Path("{id}/replays/{replayId}")
  @Operation(
      operationId = "getWebhookReplay",
      summary = "Follow a redelivery or replay",
      description = "RUNNING while events are being queued, then DONE, with how many were.")
  public WebhookReplayView replayOf(
      @PathParam("id") UUID id,
      @Parameter(description = "The id the redelivery or replay answered with")
          @PathParam("replayId")
          UUID replayId) {
    return service.replayOf(id, replayId);
  }
}
