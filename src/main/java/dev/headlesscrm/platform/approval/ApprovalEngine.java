package dev.headlesscrm.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Cursor;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.audit.ChangeLog;
import dev.headlesscrm.platform.audit.ChangeRecord;
import dev.headlesscrm.platform.events.EventView;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.security.CallerPermissions;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.OrgDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The approval engine (审批): application code submits its records here, approvers decide through the
 * REST and GraphQL faces, and the record's {@link ApprovalListener}s learn the outcome in the same
 * transaction. While a request is pending its record is locked ({@link ApprovalLocks}). Every
 * transition is an event {@code approval.submitted}, {@code approval.step-approved}, {@code
 * approval.approved}, {@code approval.rejected} or {@code approval.withdrawn}, and a history entry.
 *
 * <p>Submitting does not check permissions on the record: the calling service does that before it
 * submits. It changes the record first, too: once submitted, the record is locked, also within the
 * same transaction.
 */
@ApplicationScoped
public class ApprovalEngine {

  @Inject dev.headlesscrm.platform.notifications.NotificationService notifications;

  static final String RESOURCE = "approval";

  private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  @Inject EntityManager em;
  @Inject CurrentPrincipal principal;
  @Inject CallerPermissions permissions;
  @Inject OrgDirectory org;
  @Inject ChangeLog changeLog;
  @Inject @Any Instance<ApprovalListener> listeners;

  /**
   * Submits the record for approval through its resource's active flow, with the caller as the
   * submitter. 409 when the resource has no active flow, when the record is already in approval, or
   * when a SUPERVISOR step finds no supervisor.
   */
  @Transactional
  public ApprovalView submit(String resource, UUID recordId, String comment) {
    if (resource == null || !RESOURCE_NAME.matcher(resource).matches() || recordId == null) {
      throw new IllegalArgumentException("Not a resource and record: " + resource + recordId);
    }
    checkComment(comment);
    UUID submitter = principal.resolve().id();
    ApprovalFlow flow =
        activeFlow(resource)
            .orElseThrow(
                () ->
                    CrmException.conflict(
                        Text.of(
                            "There is no approval flow for " + resource + ".",
                            "没有适用于 " + resource + " 的审批流程。")));
    if (pendingRequest(resource, recordId).isPresent()) {
      throw CrmException.conflict(
          Text.of(
              "The " + resource + " is already in approval.", "该" + resource + "已在审批中，不能重复提交。"));
    }
    List<ApprovalRequestStep> steps = new ArrayList<>();
    for (ApprovalFlowStep s : flow.steps) {
      steps.add(new ApprovalRequestStep(s.kind, approvers(s, submitter)));
    }
    ApprovalRequest request =
        ApprovalRequest.open(
            resource, recordId, flow.id, flow.name, steps, submitter, comment, Clock.now());
    em.persist(request);
    // The pending-request index catches a concurrent submission here (409).
    em.flush();
    ApprovalView view = ApprovalView.of(request);
    changeLog.record(
        new ChangeRecord(
            RESOURCE,
            request.id,
            request.version,
            "submitted",
            changeLog.diff(null, view.state()),
            view));
    notifyAwaiting(request, List.of());
    return view;
  }

  /** 待审批: each approver newly awaited on the request's current step gets a notification. */
  private void notifyAwaiting(ApprovalRequest request, List<UUID> before) {
    for (UUID approver : request.awaiting) {
      if (before.contains(approver)) {
        continue;
      }
      java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
      data.put("approvalId", request.id.toString());
      data.put("flowName", request.flowName);
      data.put("step", request.step);
      notifications.send(
          approver,
          "approval-waiting",
          request.resource,
          request.recordId,
          Text.of(
              "Waiting for your approval: " + request.flowName + " (" + request.resource + ").",
              "待您审批：" + request.flowName + "。"),
          data);
    }
  }

  /** The caller approves the current step; the last step's approval approves the record. */
  @Transactional
  public ApprovalView approve(UUID requestId, String comment) {
    checkComment(comment);
    ApprovalRequest request = locked(requestId);
    ApprovalView before = ApprovalView.of(request);
    List<UUID> awaitedBefore = List.copyOf(request.awaiting);
    ApprovalRequest.Outcome outcome = request.approve(me(), comment, Clock.now());
    ApprovalView after =
        written(
            request,
            before,
            outcome == ApprovalRequest.Outcome.APPROVED ? "approved" : "step-approved");
    if (outcome == ApprovalRequest.Outcome.APPROVED) {
      tell(request.resource, (l, id) -> l.approved(id, after), request.recordId);
    } else {
      notifyAwaiting(request, awaitedBefore);
    }
    return after;
  }

  /** The caller, an approver of the current step, rejects the record. */
  @Transactional
  public ApprovalView reject(UUID requestId, String comment) {
    checkComment(comment);
    ApprovalRequest request = locked(requestId);
    ApprovalView before = ApprovalView.of(request);
    request.reject(me(), comment, Clock.now());
    ApprovalView after = written(request, before, "rejected");
    tell(request.resource, (l, id) -> l.rejected(id, after), request.recordId);
    return after;
  }

  /** The submitter takes the record out of approval while it is pending. */
  @Transactional
  public ApprovalView withdraw(UUID requestId, String comment) {
    checkComment(comment);
    ApprovalRequest request = locked(requestId);
    ApprovalView before = ApprovalView.of(request);
    request.withdraw(me(), comment, Clock.now());
    ApprovalView after = written(request, before, "withdrawn");
    tell(request.resource, (l, id) -> l.withdrawn(id, after), request.recordId);
    return after;
  }

  /** The record's pending request, if it is in approval. No permission check: for services. */
  @Transactional
  public Optional<ApprovalView> pending(String resource, UUID recordId) {
    return pendingRequest(resource, recordId).map(ApprovalView::of);
  }

  /** Every request of the record, oldest first. No permission check: for services. */
  @Transactional
  public List<ApprovalView> history(String resource, UUID recordId) {
    return requestsOf(resource, recordId).stream().map(ApprovalView::of).toList();
  }

  /** One request, for the submitter, its approvers, administrators and whoever sees the record. */
  @Transactional
  public ApprovalView get(UUID requestId) {
    return ApprovalView.of(visible(em.find(ApprovalRequest.class, requestId), requestId));
  }

  /** The record's requests the caller may see, oldest first, keyset-paged by id. */
  @Transactional
  public Page<ApprovalView> visibleHistory(String resource, UUID recordId, PageRequest page) {
    if (resource == null || resource.isBlank() || recordId == null) {
      throw CrmException.malformed(
          Text.of("resource and recordId are both required.", "resource 和 recordId 均为必填。"));
    }
    UUID after = cursor(page);
    // A record has few approvals: read them all, keep the visible ones, then page.
    List<ApprovalRequest> visible =
        requestsOf(resource, recordId).stream()
            .filter(r -> after == null || r.id.compareTo(after) > 0)
            .filter(this::canRead)
            .toList();
    return page(visible, page);
  }

  /** The pending requests whose current step the caller may decide, oldest first. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Page<ApprovalView> inbox(PageRequest page) {
    UUID after = cursor(page);
    var query =
        em.createNativeQuery(
                "SELECT id FROM approval_requests WHERE status = 'PENDING'"
                    + " AND awaiting @> ARRAY[CAST(?1 AS uuid)]"
                    + (after == null ? "" : " AND id > ?3")
                    + " ORDER BY id LIMIT ?2",
                UUID.class)
            .setParameter(1, me())
            .setParameter(2, page.limit() + 1);
    if (after != null) {
      query.setParameter(3, after);
    }
    List<UUID> ids = query.getResultList();
    List<ApprovalRequest> rows =
        ids.isEmpty()
            ? List.of()
            : em
                .createQuery("from ApprovalRequest r where r.id in :ids", ApprovalRequest.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .sorted(Comparator.comparing(r -> r.id))
                .toList();
    return page(rows, page);
  }

  /** Whether the record is in approval, for the record lock. */
  boolean isPending(String resource, UUID recordId) {
    return !em.createNativeQuery(
            "SELECT 1 FROM approval_requests WHERE resource = ?1 AND record_id = ?2"
                + " AND status = 'PENDING'")
        .setParameter(1, resource)
        .setParameter(2, recordId)
        .getResultList()
        .isEmpty();
  }

  // --- Internals ---------------------------------------------------------------------------

  private List<UUID> approvers(ApprovalFlowStep step, UUID submitter) {
    if (step.kind != ApprovalStepKind.SUPERVISOR) {
      return List.copyOf(step.employeeIds);
    }
    return List.of(
        org.activeSupervisor(submitter)
            .orElseThrow(
                () ->
                    CrmException.conflict(
                        Text.of(
                            "The approval flow needs your supervisor, and you have none.",
                            "审批流程需要您的直属上级审批，但您没有直属上级。"))));
  }

  /** Whether records of the resource go through approval when submitted (an active flow). */
  @Transactional
  public boolean hasActiveFlow(String resource) {
    return activeFlow(resource).isPresent();
  }

  private Optional<ApprovalFlow> activeFlow(String resource) {
    return em.createQuery(
            "from ApprovalFlow f where f.resource = :r and f.active = true"
                + " and f.deletedAt is null",
            ApprovalFlow.class)
        .setParameter("r", resource)
        .getResultStream()
        .findFirst();
  }

  private Optional<ApprovalRequest> pendingRequest(String resource, UUID recordId) {
    return em.createQuery(
            "from ApprovalRequest r where r.resource = :res and r.recordId = :id"
                + " and r.status = :pending",
            ApprovalRequest.class)
        .setParameter("res", resource)
        .setParameter("id", recordId)
        .setParameter("pending", ApprovalStatus.PENDING)
        .getResultStream()
        .findFirst();
  }

  private List<ApprovalRequest> requestsOf(String resource, UUID recordId) {
    return em.createQuery(
            "from ApprovalRequest r where r.resource = :res and r.recordId = :id order by r.id",
            ApprovalRequest.class)
        .setParameter("res", resource)
        .setParameter("id", recordId)
        .getResultList();
  }

  /**
   * The request, locked against concurrent decisions, if the caller may see it. The record it
   * decides is locked first, as every action on a record takes it (RecordService.forUpdate): its
   * outcome then changes a record no one else is changing, and the order (record, then request) is
   * the one a submission takes, so a decision and a submission wait for each other, never deadlock.
   */
  private ApprovalRequest locked(UUID requestId) {
    @SuppressWarnings("unchecked")
    List<Object[]> subject =
        em.createNativeQuery("SELECT resource, record_id FROM approval_requests WHERE id = ?1")
            .setParameter(1, requestId)
            .getResultList();
    if (!subject.isEmpty()) {
      // What a request decides never changes: read without a lock, to lock the record first.
      String resource = (String) subject.get(0)[0];
      UUID recordId = (UUID) subject.get(0)[1];
      tell(resource, ApprovalListener::lock, recordId);
    }
    return visible(
        em.find(ApprovalRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE), requestId);
  }

  private ApprovalRequest visible(ApprovalRequest request, UUID requestId) {
    if (request == null || !canRead(request)) {
      throw CrmException.notFound(RESOURCE, requestId);
    }
    return request;
  }

  private boolean canRead(ApprovalRequest request) {
    return permissions.isAdmin()
        || request.involves(me())
        || recordReadable(request.resource, request.recordId);
  }

  /**
   * Whether the caller may see an approval event: an administrator, the submitter or an approver of
   * the approval the event shows, or someone who sees the approved record.
   */
  boolean canRead(EventView event) {
    if (permissions.isAdmin()) {
      return true;
    }
    JsonNode data = event.data();
    if (data == null || data.isNull()) {
      return false;
    }
    String me = me().toString();
    if (me.equals(data.path("submittedBy").asText())) {
      return true;
    }
    for (JsonNode step : data.path("steps")) {
      for (JsonNode approver : step.path("approverIds")) {
        if (me.equals(approver.asText())) {
          return true;
        }
      }
    }
    String recordId = data.path("recordId").asText(null);
    return recordId != null
        && recordReadable(data.path("resource").asText(), UUID.fromString(recordId));
  }

  private boolean recordReadable(String resource, UUID recordId) {
    for (ApprovalListener listener : listeners) {
      if (listener.resource().equals(resource) && listener.readable(recordId)) {
        return true;
      }
    }
    return false;
  }

  /** Writes the transition and records its history entry and event. */
  private ApprovalView written(ApprovalRequest request, ApprovalView before, String action) {
    em.flush();
    ApprovalView after = ApprovalView.of(request);
    changeLog.record(
        new ChangeRecord(
            RESOURCE,
            request.id,
            request.version,
            action,
            changeLog.diff(before.state(), after.state()),
            after));
    return after;
  }

  /** One page of rows read with one row more than the limit: has the caller more to read? */
  private static Page<ApprovalView> page(List<ApprovalRequest> rows, PageRequest page) {
    boolean hasMore = rows.size() > page.limit();
    List<ApprovalRequest> shown = hasMore ? rows.subList(0, page.limit()) : rows;
    String next =
        hasMore ? Cursor.encode(List.of(shown.get(shown.size() - 1).id.toString())) : null;
    return new Page<>(
        shown.stream().map(ApprovalView::of).toList(),
        new PageInfo(page.limit(), next, hasMore, null));
  }

  /** Lists of approvals are read on by id, the cursor holding the last one's. */
  private static UUID cursor(PageRequest page) {
    if (page.after() == null) {
      return null;
    }
    try {
      if (page.after().size() == 1) {
        return UUID.fromString(page.after().get(0));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the problem below
    }
    throw CrmException.malformed(
        Text.of("The cursor does not belong to this list.", "cursor 不属于此列表。"));
  }

  private void tell(String resource, BiConsumer<ApprovalListener, UUID> call, UUID recordId) {
    for (ApprovalListener listener : listeners) {
      if (listener.resource().equals(resource)) {
        call.accept(listener, recordId);
      }
    }
  }

  private UUID me() {
    return principal.resolve().id();
  }

  private static void checkComment(String comment) {
    if (comment != null && comment.length() > ApprovalRequest.MAX_COMMENT) {
      throw CrmException.invalidField(
          "comment",
          "size",
          Text.of(
              "At most " + ApprovalRequest.MAX_COMMENT + " characters.",
              "不能超过 " + ApprovalRequest.MAX_COMMENT + " 个字符。"));
    }
  }
}
