package dev.headlesscrm.platform.webhooks;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Cursor;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.events.EventFeed;
import dev.headlesscrm.platform.events.EventIds;
import dev.headlesscrm.platform.events.EventQuery;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.persistence.Sql;
import dev.headlesscrm.platform.query.FilterCompiler;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.Caller;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.webhooks.WebhookDeliveryView.WebhookAttemptView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook subscriptions: the standard record life, plus their secrets, the delivery log, and
 * deliveries asked for by hand. What is sent and when is {@link WebhookDispatcher}'s and {@link
 * WebhookSender}'s.
 */
@ApplicationScoped
public class WebhookService extends RecordService<WebhookSubscription, WebhookView, WebhookInput> {

  static final RecordDefinition<WebhookSubscription, WebhookView, WebhookInput> DEFINITION =
      RecordDefinition.of(
              WebhookResources.WEBHOOKS,
              WebhookSubscription.class,
              WebhookView.class,
              WebhookInput.class)
          .input("secret", s -> null)
          .own("url", "eventTypes", "filter", "active", "secret")
          .build();

  static final int DEFAULT_OVERLAP_HOURS = 24;

  @Inject CurrentPrincipal principal;
  @Inject WebhookTargets targets;
  @Inject ResourceRegistry registry;
  @Inject EventFeed feed;
  @Inject Sql sql;

  @Override
  protected RecordDefinition<WebhookSubscription, WebhookView, WebhookInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(WebhookInput in, WebhookSubscription s, boolean creating) {
    copy(in, s);
    String url = in.url().strip();
    targets
        .refused(url)
        .ifPresent(
            why ->
                invalid("url", "target-refused", "The URL " + why + ".", "推送地址不可用：" + why + "。"));
    s.url = url;
    s.eventTypes = eventTypes(in.eventTypes());
    s.filter = in.filter() == null || in.filter().isBlank() ? null : in.filter().strip();
    if (s.filter != null) {
      checkFilter(s.eventTypes, s.filter);
    }
    boolean active = in.active() == null ? creating || s.active : in.active();
    if (active && !s.active) {
      s.disabledReason = null;
      s.disabledAt = null;
    } else if (!active && (s.active || creating)) {
      s.disabledAt = Clock.now();
    }
    s.active = active;
    if (creating) {
      s.secret = in.secret() == null ? WebhookSignatures.newSecret() : checkedSecret(in.secret());
      Caller caller = principal.caller();
      s.ownerId = principal.resolve().id();
      s.actingAs = dev.headlesscrm.platform.security.StoredCaller.of(caller);
      s.startsAfter = fanOutPosition();
    } else if (in.secret() != null) {
      invalid(
          "secret",
          "rotate",
          "A subscription's secret changes only through POST /webhooks/{id}/rotate-secret.",
          "订阅密钥只能通过 POST /webhooks/{id}/rotate-secret 更换。");
    }
  }

  /**
   * The subscription's signing secrets; reading them needs the right to change the subscription.
   */
  @Transactional
  public WebhookSecretView secret(UUID id) {
    access.require(resource(), Action.UPDATE);
    return secretOf(live(id));
  }

  /**
   * A new secret; the old one signs as well for {@code overlapHours} (both signatures are sent), so
   * receivers can switch without missing a delivery.
   */
  @Transactional
  public WebhookSecretView rotateSecret(UUID id, WebhookInputs.RotateSecret input) {
    WebhookSubscription s = forUpdate(id);
    String next =
        input == null || input.secret() == null
            ? WebhookSignatures.newSecret()
            : checkedSecret(input.secret());
    int hours =
        input == null || input.overlapHours() == null
            ? DEFAULT_OVERLAP_HOURS
            : input.overlapHours();
    act(
        s,
        "secret-rotated",
        x -> {
          x.previousSecret = hours == 0 ? null : x.secret;
          x.previousSecretExpiresAt = Clock.now().plus(Duration.ofHours(hours));
          x.secret = next;
        });
    return secretOf(s);
  }

  /**
   * Turns delivery off for a reason the service found (410 Gone, a run of failures), with the event
   * {@code webhook.disabled}. Outside any request: the actor is the system. Pending deliveries
   * wait.
   */
  @Transactional
  public void disable(UUID id, String reason) {
    WebhookSubscription s = em.find(WebhookSubscription.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null || s.isDeleted() || !s.active) {
      return;
    }
    act(
        s,
        "disabled",
        x -> {
          x.active = false;
          x.disabledReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
          x.disabledAt = Clock.now();
        });
  }

  /** The delivery log, newest first, optionally of one status. */
  @Transactional
  public Page<WebhookDeliveryView> deliveries(UUID id, String status, PageRequest page) {
    access.require(resource(), Action.READ);
    live(id);
    String wanted =
        status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
    if (wanted != null && !Set.of("PENDING", "SUCCEEDED", "FAILED").contains(wanted)) {
      throw CrmException.invalidParameter(
          "status",
          "enum",
          Text.of(
              "status must be PENDING, SUCCEEDED or FAILED.",
              "status 必须是 PENDING、SUCCEEDED 或 FAILED。"));
    }
    UUID before = page.after() == null ? null : cursorId(page.after());
    List<Object> params = new ArrayList<>();
    params.add(id);
    if (wanted != null) {
      params.add(wanted);
    }
    if (before != null) {
      params.add(before);
    }
    params.add(page.limit() + 1);
    List<WebhookDeliveryView> rows =
        withAttempts(
            sql.list(
                "SELECT id, event_id, event_sequence, event_type, resource, resource_id, reason,"
                    + " status, attempts, next_attempt_at, created_at, finished_at, payload"
                    + " FROM webhook_deliveries WHERE subscription_id = ?"
                    + (wanted == null ? "" : " AND status = ?")
                    + (before == null ? "" : " AND id < ?")
                    + " ORDER BY id DESC LIMIT ?",
                WebhookService::delivery,
                params.toArray()));
    boolean more = rows.size() > page.limit();
    List<WebhookDeliveryView> data = more ? rows.subList(0, page.limit()) : rows;
    String next = more ? Cursor.encode(List.of(data.get(data.size() - 1).id().toString())) : null;
    return new Page<>(List.copyOf(data), new PageInfo(page.limit(), next, more, null));
  }

  /** Sends one event again (202): a retained event, queued as the owner may see it now. */
  @Transactional
  public WebhookReplayView redeliver(UUID id, WebhookInputs.Redeliver input) {
    access.require(resource(), Action.UPDATE);
    WebhookSubscription s = live(id);
    var event = feed.published(input.eventId());
    if (event.isEmpty()) {
      throw CrmException.invalidField(
          "eventId",
          "not-retained",
          Text.of(
              "No published event " + input.eventId() + " is kept (events are kept for 30 days).",
              "找不到已发布的事件 " + input.eventId() + "（事件保留 30 天）。"));
    }
    return queueReplay(s, input.eventId(), null, null, event.get().sequence() - 1);
  }

  /** Sends every matching event of [from, to) again (202), a chunk at a time. */
  @Transactional
  public WebhookReplayView replay(UUID id, WebhookInputs.Replay input) {
    access.require(resource(), Action.UPDATE);
    WebhookSubscription s = live(id);
    if (!input.from().isBefore(input.to())) {
      invalid("to", "after-from", "to must be later than from.", "结束时间必须晚于开始时间。");
    }
    return queueReplay(s, null, input.from(), input.to(), 0);
  }

  /** A redelivery or replay of this subscription. */
  @Transactional
  public WebhookReplayView replayOf(UUID id, UUID replayId) {
    access.require(resource(), Action.READ);
    live(id);
    return sql.one(
            "SELECT id, subscription_id, event_id, from_time, to_time, status, queued,"
                + " created_at, finished_at FROM webhook_replays"
                + " WHERE id = ? AND subscription_id = ?",
            WebhookService::replay,
            replayId,
            id)
        .orElseThrow(() -> CrmException.notFound("webhook-replay", replayId));
  }

  private WebhookReplayView queueReplay(
      WebhookSubscription s, UUID eventId, Instant from, Instant to, long afterSequence) {
    Instant now = Clock.now();
    UUID replayId = EventIds.at(now);
    UUID actor = principal.idOrNull();
    sql.update(
        "INSERT INTO webhook_replays (id, subscription_id, event_id, from_time, to_time,"
            + " after_sequence, status, queued, created_at, created_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?, ?)",
        replayId,
        s.id,
        eventId,
        from,
        to,
        afterSequence,
        now,
        actor);
    return new WebhookReplayView(replayId, s.id, eventId, from, to, "RUNNING", 0, now, null);
  }

  /** The types, stripped and without repeats; each must be a feed type pattern (422 otherwise). */
  private static List<String> eventTypes(List<String> types) {
    Set<String> out = new LinkedHashSet<>();
    for (String type : types) {
      out.add(type.strip());
    }
    try {
      EventQuery.parse(null, String.join(",", out), null);
    } catch (CrmException e) {
      throw CrmException.invalidField(
          "eventTypes",
          "pattern",
          Text.of(
              "Each event type is a type (customer.created) or a prefix ending in * (customer.*).",
              "事件类型须为具体类型（customer.created）或以 * 结尾的前缀（customer.*）。"));
    }
    return new ArrayList<>(out);
  }

  /** A filter needs one resource to be about: every pattern names the same declared resource. */
  private void checkFilter(List<String> types, String filter) {
    Optional<ResourceSpec> spec = filteredResource(types);
    if (spec.isEmpty()) {
      invalid(
          "filter",
          "one-resource",
          "A filter applies to one resource's records: every event type must start with the same"
              + " resource (customer.*, customer.updated).",
          "过滤条件只适用于一种记录：所有事件类型须属于同一资源（如 customer.*、customer.updated）。");
    }
    try {
      FilterCompiler.compile(registry, spec.get(), filter);
    } catch (CrmException e) {
      throw CrmException.invalidField(
          "filter", "invalid-filter", Text.of(e.getMessage(), "过滤条件无效：" + e.getMessage()));
    }
  }

  /** The one declared resource all patterns name, if they do. */
  Optional<ResourceSpec> filteredResource(List<String> types) {
    String resource = null;
    for (String type : types) {
      int dot = type.indexOf('.');
      if (dot <= 0) {
        return Optional.empty();
      }
      String r = type.substring(0, dot);
      if (resource != null && !resource.equals(r)) {
        return Optional.empty();
      }
      resource = r;
    }
    return resource != null && registry.has(resource)
        ? Optional.of(registry.get(resource))
        : Optional.empty();
  }

  /**
   * Where fan-out stands, read with a share lock: fan-out cannot move past it until this
   * subscription is committed, so it misses no event after it.
   */
  private long fanOutPosition() {
    return ((Number)
            em.createNativeQuery("SELECT after_sequence FROM webhook_fanout WHERE id = 1 FOR SHARE")
                .getSingleResult())
        .longValue();
  }

  private static String checkedSecret(String secret) {
    if (!WebhookSignatures.valid(secret)) {
      invalid(
          "secret",
          "format",
          "A secret is whsec_ followed by the base64 of 24 to 64 random bytes.",
          "密钥格式为 whsec_ 加 24 到 64 个随机字节的 base64。");
    }
    return secret;
  }

  private static WebhookSecretView secretOf(WebhookSubscription s) {
    boolean overlapping =
        s.previousSecret != null
            && s.previousSecretExpiresAt != null
            && s.previousSecretExpiresAt.isAfter(Clock.now());
    return new WebhookSecretView(
        s.secret,
        overlapping ? s.previousSecret : null,
        overlapping ? s.previousSecretExpiresAt : null);
  }

  private static void invalid(String field, String code, String en, String zh) {
    throw CrmException.invalidField(field, code, Text.of(en, zh));
  }

  private static UUID cursorId(List<String> cursor) {
    try {
      return UUID.fromString(cursor.get(0));
    } catch (RuntimeException e) {
      throw CrmException.malformed(Text.of("cursor is not valid.", "cursor 无效。"));
    }
  }

  private static WebhookDeliveryView delivery(ResultSet r) throws SQLException {
    return new WebhookDeliveryView(
        r.getObject(1, UUID.class),
        r.getObject(2, UUID.class),
        r.getLong(3),
        r.getString(4),
        r.getString(5),
        r.getObject(6, UUID.class),
        r.getString(7),
        r.getString(8),
        r.getInt(9),
        "PENDING".equals(r.getString(8)) ? Sql.instant(r, 10) : null,
        Sql.instant(r, 11),
        Sql.instant(r, 12),
        r.getString(13),
        List.of());
  }

  private List<WebhookDeliveryView> withAttempts(List<WebhookDeliveryView> deliveries) {
    if (deliveries.isEmpty()) {
      return deliveries;
    }
    Map<UUID, List<WebhookAttemptView>> attempts = new LinkedHashMap<>();
    sql.list(
            "SELECT delivery_id, attempt, started_at, url, request_headers::text, outcome,"
                + " response_status, response_body, latency_ms, error FROM webhook_attempts"
                + " WHERE delivery_id = ANY (?) ORDER BY delivery_id, attempt",
            r ->
                Map.entry(
                    Sql.uuid(r, 1),
                    new WebhookAttemptView(
                        r.getInt(2),
                        Sql.instant(r, 3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        (Integer) r.getObject(7),
                        r.getString(8),
                        (Integer) r.getObject(9),
                        r.getString(10))),
            Sql.array("uuid", deliveries.stream().map(WebhookDeliveryView::id).toList()))
        .forEach(
            e -> attempts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<WebhookDeliveryView> out = new ArrayList<>();
    for (WebhookDeliveryView d : deliveries) {
      out.add(
          new WebhookDeliveryView(
              d.id(),
              d.eventId(),
              d.eventSequence(),
              d.eventType(),
              d.resource(),
              d.resourceId(),
              d.reason(),
              d.status(),
              d.attemptCount(),
              d.nextAttemptAt(),
              d.createdAt(),
              d.finishedAt(),
              d.payload(),
              List.copyOf(attempts.getOrDefault(d.id(), List.of()))));
    }
    return out;
  }

  static WebhookReplayView replay(ResultSet r) throws SQLException {
    return new WebhookReplayView(
        r.getObject(1, UUID.class),
        r.getObject(2, UUID.class),
        r.getObject(3, UUID.class),
        Sql.instant(r, 4),
        Sql.instant(r, 5),
        r.getString(6),
        r.getInt(7),
        Sql.instant(r, 8),
        Sql.instant(r, 9));
  }
}
