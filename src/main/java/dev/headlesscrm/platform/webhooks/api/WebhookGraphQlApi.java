package dev.headlesscrm.platform.webhooks.api;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.webhooks.WebhookDeliveryView;
import dev.headlesscrm.platform.webhooks.WebhookInputs;
import dev.headlesscrm.platform.webhooks.WebhookReplayView;
import dev.headlesscrm.platform.webhooks.WebhookSecretView;
import dev.headlesscrm.platform.webhooks.WebhookService;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

/** Webhook secrets, the delivery log and deliveries by hand over GraphQL: the REST services. */
@GraphQLApi
@GraphQlProblems
public class WebhookGraphQlApi {

  @Inject WebhookService webhooks;

  @Query("webhookSecret")
  @Description("The subscription's signing secrets (as GET /webhooks/{id}/secret)")
  public WebhookSecretView webhookSecret(@Id @NonNull String id) {
    return webhooks.secret(Ids.parse(id));
  }

  @Mutation("rotateWebhookSecret")
  @Description("A new signing secret; the old one signs too for overlapHours (default 24)")
  public WebhookSecretView rotateWebhookSecret(
      @Id @NonNull String id, @Name("input") WebhookInputs.RotateSecret input) {
    return webhooks.rotateSecret(Ids.parse(id), input);
  }

  @Query("webhookDeliveries")
  @Description("The delivery log, newest first (as GET /webhooks/{id}/deliveries)")
  public WebhookDeliveryPage webhookDeliveries(
      @Id @NonNull String id,
      @Name("status") String status,
      @Name("first") Integer first,
      @Name("after") String after) {
    Page<WebhookDeliveryView> page =
        webhooks.deliveries(Ids.parse(id), status, PageRequest.of(first, after));
    return new WebhookDeliveryPage(page.data(), page.page().nextCursor(), page.page().hasMore());
  }

  /** One page of the delivery log; pass nextCursor back as after. */
  @Type("WebhookDeliveryPage")
  public record WebhookDeliveryPage(
      List<WebhookDeliveryView> deliveries, String nextCursor, boolean hasMore) {}

  @Mutation("redeliverWebhookEvent")
  @Description("Queues one kept event again for the subscription")
  public WebhookReplayView redeliverWebhookEvent(
      @Id @NonNull String id, @Name("input") @NonNull WebhookInputs.Redeliver input) {
    return webhooks.redeliver(Ids.parse(id), input);
  }

  @Mutation("replayWebhookEvents")
  @Description("Queues the events of [from, to) again for the subscription")
  public WebhookReplayView replayWebhookEvents(
      @Id @NonNull String id, @Name("input") @NonNull WebhookInputs.Replay input) {
    return webhooks.replay(Ids.parse(id), input);
  }

  @Query("webhookReplay")
  @Description("A redelivery or replay and how far it has got")
  public WebhookReplayView webhookReplay(@Id @NonNull String id, @Id @NonNull String replayId) {
    return webhooks.replayOf(Ids.parse(id), Ids.parse(replayId));
  }
}
