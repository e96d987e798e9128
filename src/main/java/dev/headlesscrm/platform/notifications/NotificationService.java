package dev.headlesscrm.platform.notifications;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.audit.ChangeRecord;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.PrincipalKind;
import dev.headlesscrm.platform.security.ResolvedPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inbox: {@link #send} writes a notification (and its event) in the caller's transaction, so it
 * exists exactly when what it tells of committed; the recipient lists, counts and marks theirs
 * read. Nobody reads another's inbox, whatever their data scope.
 */
@ApplicationScoped
public class NotificationService extends RecordService<Notification, NotificationView, Void> {

  public static final String RESOURCE = "notification";
  public static final String READ = "read";

  @Inject CurrentPrincipal principal;

  private final RecordDefinition<Notification, NotificationView, Void> definition =
      RecordDefinition.readOnly(
          NotificationResources.NOTIFICATIONS,
          Notification.class,
          NotificationView.class,
          Map.of());

  @Override
  protected RecordDefinition<Notification, NotificationView, Void> definition() {
    return definition;
  }

  @Override
  protected void apply(Void input, Notification entity, boolean creating) {
    throw CrmException.conflict(
        Text.of("Notifications are written by the service.", "通知由系统生成，不能直接写入。"));
  }

  /** One notification to an employee about a record; nothing for nobody. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void send(
      UUID recipient,
      String kind,
      String resource,
      UUID recordId,
      Text title,
      Map<String, Object> data) {
    if (recipient == null) {
      return;
    }
    Notification n = new Notification();
    n.recipientId = recipient;
    n.kind = kind;
    n.resource = resource;
    n.recordId = recordId;
    n.titleZh = cut(title.zh());
    n.titleEn = cut(title.en());
    n.data = new LinkedHashMap<>();
    data.forEach((k, v) -> n.data.put(k, v == null ? null : String.valueOf(v)));
    em.persist(n);
    em.flush();
    NotificationView view = view(n);
    changeLog.record(
        new ChangeRecord(RESOURCE, n.id, n.version, "created", changeLog.diff(null, view), view));
  }

  /** How a notification names a record: its name, subject or number, else its id. */
  public static String label(Object view) {
    for (String field : List.of("name", "subject", "number")) {
      Object value = dev.headlesscrm.platform.records.References.field(view, field);
      if (value instanceof String s && !s.isBlank()) {
        return s;
      }
    }
    Object id = dev.headlesscrm.platform.records.References.field(view, "id");
    return String.valueOf(id);
  }

  private static String cut(String s) {
    return s.length() <= 500 ? s : s.substring(0, 499) + "…";
  }

  /** Only the recipient's own. */
  @Override
  protected SqlFragment scope() {
    return SqlFragment.of("t.recipient_id = ?", me());
  }

  @Override
  protected boolean visible(Notification n) {
    return n.recipientId.equals(me());
  }

  private UUID me() {
    ResolvedPrincipal p = principal.resolve();
    // A service account has no inbox: an id nobody is.
    return p.kind() == PrincipalKind.EMPLOYEE ? p.id() : new UUID(0, 0);
  }

  /** The caller's notifications, newest first; unread only, of one kind, as asked. */
  public Page<NotificationView> mine(Boolean unread, String kind, Integer limit, String cursor) {
    StringBuilder filter = new StringBuilder();
    if (unread != null) {
      filter.append("readAt=isnull=").append(unread);
    }
    if (kind != null && !kind.isBlank()) {
      filter
          .append(filter.isEmpty() ? "" : ";")
          .append("kind==\"")
          .append(kind.replace("\"", ""))
          .append('"');
    }
    return list(
        new ListQuery(
            filter.isEmpty() ? null : filter.toString(),
            null,
            List.of("-createdAt"),
            limit,
            cursor,
            null,
            null,
            null,
            null));
  }

  /** The caller's unread notifications, in all and by kind. */
  @Transactional
  public UnreadCount unread() {
    access.require(RESOURCE, dev.headlesscrm.platform.security.Action.READ);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT kind, count(*) FROM notifications WHERE recipient_id = ?1"
                    + " AND read_at IS NULL AND deleted_at IS NULL GROUP BY kind ORDER BY kind")
            .setParameter(1, me())
            .getResultList();
    Map<String, Long> byKind = new LinkedHashMap<>();
    long total = 0;
    for (Object[] row : rows) {
      long n = ((Number) row[1]).longValue();
      byKind.put((String) row[0], n);
      total += n;
    }
    return new UnreadCount(total, byKind);
  }

  /** Marks one read (a change of the notification, through its version). */
  @Transactional
  public NotificationView markRead(UUID id) {
    access.require(RESOURCE, dev.headlesscrm.platform.security.Action.READ);
    Notification n = lockedLive(id);
    if (n.readAt != null) {
      throw dev.headlesscrm.platform.state.StateMachine.already(RESOURCE, "READ");
    }
    return act(n, READ, x -> x.readAt = now());
  }

  /** Marks every unread one (of a kind, if given) read; how many. */
  @Transactional
  public int markAllRead(String kind) {
    access.require(RESOURCE, dev.headlesscrm.platform.security.Action.READ);
    List<Notification> unread =
        em.createQuery(
                "from Notification n where n.recipientId = :me and n.readAt is null"
                    + " and n.deletedAt is null and (:kind is null or n.kind = :kind)"
                    + " order by n.id",
                Notification.class)
            .setParameter("me", me())
            .setParameter("kind", kind == null || kind.isBlank() ? null : kind)
            .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    java.time.Instant now = now();
    unread.forEach(n -> act(n, READ, x -> x.readAt = now));
    return unread.size();
  }

  /** The unread count a mobile app polls. */
  @org.eclipse.microprofile.graphql.Type("UnreadNotifications")
  @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "UnreadNotifications")
  public record UnreadCount(long unread, Map<String, Long> byKind) {}
}
