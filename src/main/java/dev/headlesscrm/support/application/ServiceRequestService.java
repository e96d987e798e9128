package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.support.domain.EntitlementEntry;
import dev.headlesscrm.support.domain.Goods;
import dev.headlesscrm.support.domain.ServicePriority;
import dev.headlesscrm.support.domain.ServiceRequest;
import dev.headlesscrm.support.domain.ServiceRequestStates;
import dev.headlesscrm.support.domain.ServiceRequestStatus;
import dev.headlesscrm.support.domain.ServiceRequestType;
import dev.headlesscrm.support.domain.SlaPolicy;
import dev.headlesscrm.support.domain.SlaTimer;
import dev.headlesscrm.support.domain.SlaTimerKind;
import dev.headlesscrm.support.domain.SlaTimerState;
import dev.headlesscrm.support.domain.WorkingTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Service requests (服务请求) and their SLA timers. Every status action goes through the request's
 * version (history entry, event) and moves its timers in the same transaction: a response meets the
 * response timer, waiting for the customer pauses the others (the same timers resume, never
 * recreated), the customer's answer starts the next-response timer, resolution stops them all and a
 * reopen lets the resolution timer count on. Warnings and breaches are marked by {@link SlaJob}.
 */
@ApplicationScoped
public class ServiceRequestService
    extends OwnedRecordService<ServiceRequest, ServiceRequestView, ServiceRequestInput> {

  static final String RESOURCE = "service-request";
  static final String WAITING = "waiting-for-customer";

  @Inject DictionaryService dictionaryCheck;
  @Inject References references;
  @Inject NumberingService numbering;
  @Inject SlaPolicyService policies;
  @Inject BusinessCalendarService calendars;
  @Inject GoodsService goods;
  @Inject ServiceRouting routing;
  @Inject ProductDefectService defects;
  @Inject SatisfactionSurveyService surveys;
  @Inject Entitlements entitlements;

  /**
   * Timers, routing and defect relinks decided before the request had its id (this transaction).
   */
  @Inject PendingRequestWork pending;

  static final RecordDefinition<ServiceRequest, ServiceRequestView, ServiceRequestInput>
      DEFINITION =
          RecordDefinition.of(
                  SupportResources.REQUESTS,
                  ServiceRequest.class,
                  ServiceRequestView.class,
                  ServiceRequestInput.class)
              .own(
                  "customerId", "subject", "priority", "severity", "ownerId", "goodsId", "defectId")
              .build();

  @Override
  protected RecordDefinition<ServiceRequest, ServiceRequestView, ServiceRequestInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(ServiceRequestInput in, ServiceRequest r, boolean creating) {
    Map<String, String> codes = new HashMap<>();
    codes.put("channel", in.channel());
    codes.put("category", in.category());
    dictionaryCheck.requireActive(spec().dictionaries(), codes);
    if (!creating && !Objects.equals(r.customerId, in.customerId())) {
      throw CrmException.invalidField(
          "customerId", "immutable", Text.of("A request stays with its customer.", "服务请求的客户不可更改。"));
    }
    if (creating && references.readable("customer", in.customerId()).isEmpty()) {
      throw CrmException.invalidField(
          "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
    }
    references.requireContactOf(in.customerId(), in.contactId(), r.contactId);
    if (in.severity() != null && in.type() != ServiceRequestType.COMPLAINT) {
      throw CrmException.invalidField(
          "severity",
          "complaints-only",
          Text.of("Only a complaint has a severity.", "只有投诉才有严重程度。"));
    }
    Goods item = null;
    if (!Objects.equals(in.goodsId(), r.goodsId) || creating) {
      item = in.goodsId() == null ? null : goods.forRequest(in.goodsId(), in.customerId());
      r.underWarranty = item == null ? null : item.underWarranty(GoodsService.today());
      r.goodsId = in.goodsId();
    }
    if (!Objects.equals(in.defectId(), r.defectId)) {
      if (in.defectId() != null) {
        defects.requireLinkable(in.defectId());
      }
      pending.relinked.put(r, r.defectId == null ? NO_DEFECT : r.defectId);
      r.defectId = in.defectId();
    }
    ServicePriority priority = in.priority() == null ? ServicePriority.NORMAL : in.priority();
    boolean retarget = !creating && (priority != r.priority || in.type() != r.type);
    // Loaded before the record changes: a query after it would flush it early (two versions).
    List<SlaTimer> existing = retarget ? timersOf(r.id) : List.of();
    Optional<SlaPolicy> chosen =
        retarget
            ? policies.choose(
                priority.name(),
                in.type().name(),
                customerLevel(r),
                entitledBy(r),
                entitlements.serviceLevel(r))
            : Optional.empty();
    copy(in, r);
    r.customerId = in.customerId();
    r.subject = in.subject().trim();
    r.priority = priority;
    r.severity = in.severity();
    if (creating) {
      entitlements.check(r, item, GoodsService.today());
      r.number = numbering.next(RESOURCE);
      r.status = ServiceRequestStatus.NEW;
      ServiceRouting.Plan plan = in.ownerId() == null ? routing.plan(r, "created") : null;
      if (plan == null) {
        assignOwner(r, in.ownerId(), true);
      } else {
        routed(r, plan);
        pending.routings.put(r, plan);
      }
      if (r.ownerId != null) {
        r.status = ServiceRequestStatus.ASSIGNED;
      }
    } else if (!Objects.equals(in.ownerId(), r.ownerId)) {
      throw CrmException.invalidField(
          "ownerId",
          "use-assign",
          Text.of(
              "Hand a request over with POST /service-requests/{id}/assign.",
              "请用 POST /service-requests/{id}/assign 转派服务请求。"));
    }
    if (creating) {
      planTimers(r, now());
    } else if (retarget) {
      retarget(r, chosen, existing, now());
    }
  }

  private static final UUID NO_DEFECT = new UUID(0, 0);

  @Override
  protected void afterDeletedOrRestored(ServiceRequest r) {
    defects.recount(r.defectId);
    entitlements.settle(
        r, r.isDeleted() ? EntitlementEntry.Reason.DELETED : EntitlementEntry.Reason.RESTORED);
  }

  private static String entitledBy(ServiceRequest r) {
    return r.entitledBy == null ? null : r.entitledBy.name();
  }

  @Override
  protected void afterSave(ServiceRequest r, boolean created) {
    UUID before = pending.relinked.remove(r);
    if (before != null) {
      em.flush();
      if (!before.equals(NO_DEFECT)) {
        defects.recount(before);
      }
      defects.recount(r.defectId);
    }
    ServiceRouting.Plan plan = pending.routings.remove(r);
    if (plan != null) {
      routing.keep(plan, r);
      if (r.ownerId != null) {
        notifyOwner(r, "service-request-assigned", "A service request for you", "新的服务请求");
      }
    }
    List<SlaTimer> timers = pending.timers.remove(r);
    if (timers != null) {
      for (SlaTimer t : timers) {
        t.requestId = r.id;
        em.persist(t);
      }
    }
    if (created) {
      entitlements.settle(r, EntitlementEntry.Reason.CREATED);
    } else if (r.status == ServiceRequestStatus.RESOLVED
        || r.status == ServiceRequestStatus.CLOSED) {
      entitlements.settle(r, EntitlementEntry.Reason.RESOLVED); // hours worked corrected
    }
  }

  // --- Actions ---------------------------------------------------------------------------------

  /** Hands the request to an agent: NEW or REOPENED becomes ASSIGNED; others keep their status. */
  @Transactional
  public ServiceRequestView assign(UUID id, UUID agentId) {
    if (agentId == null) {
      throw CrmException.invalidField("ownerId", "required", Text.of("Name the agent.", "请指定处理人。"));
    }
    boolean toMe = agentId.equals(principal.resolve().id());
    ServiceRequest r = forUpdate(id, toMe ? Action.UPDATE : Action.TRANSFER);
    open(r);
    if (agentId.equals(r.ownerId)) {
      throw dev.headlesscrm.platform.state.StateMachine.already(RESOURCE, r.status.name());
    }
    ServiceRequestView after =
        act(
            r,
            "assigned",
            x -> {
              assignOwner(x, agentId, false);
              if (x.status == ServiceRequestStatus.NEW
                  || x.status == ServiceRequestStatus.REOPENED) {
                x.status = ServiceRequestStatus.ASSIGNED;
              }
            });
    notifyOwner(r, "service-request-assigned", "A service request for you", "新的服务请求");
    return after;
  }

  /**
   * Routes an open request again: to the most suitable available member of the first queue that
   * takes it (overflow followed), or into the queue to wait. Every routing is kept with its
   * candidates (GET …/routing) and moves the version.
   */
  @Transactional
  public ServiceRequestView route(UUID id) {
    ServiceRequest r = forUpdate(id, Action.TRANSFER);
    open(r);
    ServiceRouting.Plan plan = routing.plan(r, "route");
    if (plan == null) {
      throw CrmException.conflict(
          Text.of(
              "No active queue takes this request's category and type.", "没有启用的服务队列接收该类别与类型的请求。"));
    }
    UUID before = r.ownerId;
    ServiceRequestView after =
        act(
            r,
            "routed",
            x -> {
              routed(x, plan);
              if (x.ownerId != null
                  && (x.status == ServiceRequestStatus.NEW
                      || x.status == ServiceRequestStatus.REOPENED)) {
                x.status = ServiceRequestStatus.ASSIGNED;
              }
            });
    routing.keep(plan, r);
    if (r.ownerId != null && !r.ownerId.equals(before)) {
      notifyOwner(r, "service-request-assigned", "A service request for you", "新的服务请求");
    }
    return after;
  }

  /** What a routing plan does to the request: its queue, and its agent when one was chosen. */
  private void routed(ServiceRequest r, ServiceRouting.Plan plan) {
    r.queueId = plan.queueId();
    r.routedAt = now();
    if (plan.chosen() != null) {
      assignOwner(r, plan.chosen(), false);
    } else if (r.ownerId == null) {
      r.ownerDepartmentId = plan.departmentId();
    }
  }

  /** The routings of a request, newest first. */
  @dev.headlesscrm.platform.persistence.ReadTransaction
  public List<RoutingDecisionView> routings(UUID id) {
    get(id);
    return routing.decisions(id);
  }

  /** ASSIGNED → IN_PROGRESS. */
  @Transactional
  public ServiceRequestView start(UUID id) {
    ServiceRequest r = forUpdate(id);
    ServiceRequestStates.REQUEST.act(r.status, ServiceRequestStatus.IN_PROGRESS);
    return act(r, "started", x -> x.status = ServiceRequestStatus.IN_PROGRESS);
  }

  /** A response to the customer: meets the running first- or next-response timer. */
  @Transactional
  public ServiceRequestView respond(UUID id) {
    ServiceRequest r = forUpdate(id);
    open(r);
    List<SlaTimer> timers = timersOf(r.id);
    return act(r, "responded", x -> responded(x, timers, now()));
  }

  /** IN_PROGRESS → WAITING_FOR_CUSTOMER: a response that asks; the timers pause. */
  @Transactional
  public ServiceRequestView waitForCustomer(UUID id) {
    ServiceRequest r = forUpdate(id);
    ServiceRequestStates.REQUEST.act(r.status, ServiceRequestStatus.WAITING_FOR_CUSTOMER);
    List<SlaTimer> timers = timersOf(r.id);
    return act(
        r,
        "waiting",
        x -> {
          Instant now = now();
          responded(x, timers, now);
          x.status = ServiceRequestStatus.WAITING_FOR_CUSTOMER;
          change(x, timers, (t, time) -> t.pause(now, WAITING, time));
        });
  }

  /** WAITING_FOR_CUSTOMER → IN_PROGRESS: the customer answered; the next response is due. */
  @Transactional
  public ServiceRequestView resume(UUID id) {
    ServiceRequest r = forUpdate(id);
    ServiceRequestStates.REQUEST.act(r.status, ServiceRequestStatus.IN_PROGRESS);
    List<SlaTimer> timers = new java.util.ArrayList<>(timersOf(r.id));
    return act(
        r,
        "resumed",
        x -> {
          Instant now = now();
          x.status = ServiceRequestStatus.IN_PROGRESS;
          startNextResponse(x, timers, now);
          change(
              x, timers, (t, time) -> t.kind != SlaTimerKind.NEXT_RESPONSE && t.resume(now, time));
        });
  }

  /** → RESOLVED with the resolution: every timer stops (met, or breached when late). */
  @Transactional
  public ServiceRequestView resolve(UUID id, String resolution, BigDecimal workedHours) {
    if (resolution == null || resolution.isBlank()) {
      throw CrmException.invalidField(
          "resolution", "required", Text.of("Say how it was resolved.", "请填写解决方案。"));
    }
    if (workedHours != null
        && (workedHours.signum() < 0 || workedHours.compareTo(new BigDecimal("999999")) > 0)) {
      throw CrmException.invalidField(
          "workedHours",
          "out-of-range",
          Text.of("Hours worked are between 0 and 999999.", "工时须在 0 到 999999 之间。"));
    }
    ServiceRequest r = forUpdate(id);
    ServiceRequestStates.REQUEST.act(r.status, ServiceRequestStatus.RESOLVED);
    List<SlaTimer> timers = timersOf(r.id);
    ServiceRequestView after =
        act(
            r,
            "resolved",
            x -> {
              Instant now = now();
              if (x.firstRespondedAt == null) {
                x.firstRespondedAt = now;
              }
              x.lastRespondedAt = now;
              x.status = ServiceRequestStatus.RESOLVED;
              x.resolvedAt = now;
              x.closedAt = null;
              x.resolution = resolution.strip();
              if (workedHours != null) {
                x.workedHours = workedHours.setScale(2, java.math.RoundingMode.HALF_UP);
              }
              change(x, timers, (t, time) -> t.stop(now, time));
            });
    entitlements.settle(r, EntitlementEntry.Reason.RESOLVED);
    return after;
  }

  /** RESOLVED → CLOSED. */
  @Transactional
  public ServiceRequestView close(UUID id) {
    ServiceRequest r = forUpdate(id);
    ServiceRequestStates.REQUEST.act(r.status, ServiceRequestStatus.CLOSED);
    ServiceRequestView after =
        act(
            r,
            "closed",
            x -> {
              x.status = ServiceRequestStatus.CLOSED;
              x.closedAt = now();
            });
    surveys.requestClosed(r);
    return after;
  }

  /** RESOLVED or CLOSED → REOPENED: the same resolution timer counts on from its elapsed time. */
  @Transactional
  public ServiceRequestView reopen(UUID id) {
    ServiceRequest r = forUpdate(id);
    ServiceRequestStates.REQUEST.act(r.status, ServiceRequestStatus.REOPENED);
    List<SlaTimer> timers = timersOf(r.id);
    return act(
        r,
        "reopened",
        x -> {
          Instant now = now();
          x.status = ServiceRequestStatus.REOPENED;
          x.reopenCount++;
          x.resolvedAt = null;
          x.closedAt = null;
          change(x, timers, (t, time) -> t.kind == SlaTimerKind.RESOLUTION && t.restart(now, time));
        });
  }

  /**
   * One level up the escalation path: to {@code toId} when given, else to the current agent's
   * supervisor (the request stays with its agent when there is none).
   */
  @Transactional
  public ServiceRequestView escalate(UUID id, UUID toId) {
    ServiceRequest r = forUpdate(id);
    open(r);
    UUID to =
        toId != null
            ? toId
            : r.ownerId == null ? null : org.activeSupervisor(r.ownerId).orElse(null);
    if (to != null && !to.equals(r.ownerId)) {
      access.require(resource(), Action.TRANSFER);
    }
    ServiceRequestView after =
        act(
            r,
            "escalated",
            x -> {
              x.escalationLevel++;
              x.escalatedAt = now();
              if (to != null) {
                assignOwner(x, to, false);
                if (x.status == ServiceRequestStatus.NEW
                    || x.status == ServiceRequestStatus.REOPENED) {
                  x.status = ServiceRequestStatus.ASSIGNED;
                }
              }
            });
    notifyOwner(r, "service-request-escalated", "A service request escalated to you", "服务请求已升级给你");
    return after;
  }

  /** The request's SLA timers with their working time up to now. */
  @dev.headlesscrm.platform.persistence.ReadTransaction
  public List<SlaTimerView> slaTimers(UUID id) {
    get(id); // read permission, visibility, 404
    return slaTimers(List.of(id)).getOrDefault(id, List.of());
  }

  /** The SLA timers of several requests the caller has read (GraphQL's batched field). */
  @dev.headlesscrm.platform.persistence.ReadTransaction
  public Map<UUID, List<SlaTimerView>> slaTimers(Collection<UUID> ids) {
    Map<UUID, List<SlaTimerView>> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Instant now = now();
    Map<UUID, WorkingTime> times = new HashMap<>();
    for (SlaTimer t :
        em.createQuery(
                "from SlaTimer t where t.requestId in :ids order by t.requestId, t.kind",
                SlaTimer.class)
            .setParameter("ids", ids)
            .getResultList()) {
      WorkingTime time = times.computeIfAbsent(t.calendarId, calendars::workingTime);
      out.computeIfAbsent(t.requestId, k -> new java.util.ArrayList<>())
          .add(SlaTimerView.of(t, now, time));
    }
    return out;
  }

  // --- The SLA job's step ----------------------------------------------------------------------

  /**
   * Marks the request's timers that {@code now} has brought to their warning or breach, through the
   * request's version (history entry and event {@code sla-warning} or {@code sla-breached}), and
   * tells its agent. Called by the job under the request's row lock: a second replica finds nothing
   * left to mark. Returns whether anything was marked.
   */
  @Transactional
  public boolean markDue(UUID requestId, Instant now) {
    lockRow(requestId);
    ServiceRequest r = em.find(ServiceRequest.class, requestId);
    if (r == null || r.isDeleted()) {
      return false;
    }
    Map<SlaTimer, SlaTimerState> due = new LinkedHashMap<>();
    List<SlaTimer> timers = timersOf(r.id);
    for (SlaTimer t : timers) {
      SlaTimerState reached = t.due(now);
      if (reached != null) {
        due.put(t, reached);
      }
    }
    if (due.isEmpty()) {
      return false;
    }
    boolean breach = due.containsValue(SlaTimerState.BREACHED);
    act(
        r,
        breach ? "sla-breached" : "sla-warning",
        x -> {
          due.forEach((t, reached) -> t.mark(reached, now));
          summarize(x, timers);
        });
    String kinds = String.join(", ", due.keySet().stream().map(t -> t.kind.name()).toList());
    notifyOwner(
        r,
        breach ? "sla-breached" : "sla-warning",
        (breach ? "SLA breached (" : "SLA warning (") + kinds + ")",
        (breach ? "服务时限已超期（" : "服务时限即将到期（") + kinds + "）");
    return true;
  }

  // --- Timers ----------------------------------------------------------------------------------

  /** The policy a new request matches, its timers planned and its summary set before insert. */
  private void planTimers(ServiceRequest r, Instant now) {
    Optional<SlaPolicy> policy =
        policies.choose(
            r.priority.name(),
            r.type.name(),
            customerLevel(r),
            entitledBy(r),
            entitlements.serviceLevel(r));
    if (policy.isEmpty()) {
      return;
    }
    SlaPolicy p = policy.get();
    WorkingTime time = calendars.workingTime(p.calendarId);
    r.slaPolicyId = p.id;
    List<SlaTimer> timers = new java.util.ArrayList<>();
    for (SlaTimerKind kind : List.of(SlaTimerKind.FIRST_RESPONSE, SlaTimerKind.RESOLUTION)) {
      Integer minutes = p.minutes(kind);
      if (minutes != null) {
        timers.add(
            SlaTimer.start(
                null, kind, p.id, p.calendarId, minutes * 60L, p.warningPercent, now, time));
      }
    }
    summarize(r, timers);
    pending.timers.put(r, timers);
  }

  private String customerLevel(ServiceRequest r) {
    return references
        .readable("customer", r.customerId)
        .map(c -> (String) References.field(c, "level"))
        .orElse(null);
  }

  /**
   * Priority or type changed: the policy is chosen again and the timers take its targets, keeping
   * the working time they have counted.
   */
  private void retarget(
      ServiceRequest r, Optional<SlaPolicy> policy, List<SlaTimer> timers, Instant now) {
    if (policy.isEmpty() || policy.get().id.equals(r.slaPolicyId)) {
      return;
    }
    SlaPolicy p = policy.get();
    r.slaPolicyId = p.id;
    change(
        r,
        timers,
        (t, time) -> {
          Integer minutes = p.minutes(t.kind);
          if (minutes == null) {
            return false;
          }
          boolean running = t.running();
          if (running) {
            t.pause(now, "retarget", time);
          }
          t.policyId = p.id;
          t.targetSeconds = minutes * 60L;
          t.warningSeconds = t.targetSeconds * p.warningPercent / 100;
          if (running) {
            t.resume(now, time);
          }
          return true;
        });
  }

  private void responded(ServiceRequest r, List<SlaTimer> timers, Instant now) {
    if (r.firstRespondedAt == null) {
      r.firstRespondedAt = now;
    }
    r.lastRespondedAt = now;
    change(
        r,
        timers,
        (t, time) ->
            (t.kind == SlaTimerKind.FIRST_RESPONSE || t.kind == SlaTimerKind.NEXT_RESPONSE)
                && t.stop(now, time));
  }

  /** The customer answered: the next-response timer runs again, or starts (stored at flush). */
  private void startNextResponse(ServiceRequest r, List<SlaTimer> timers, Instant now) {
    if (r.slaPolicyId == null) {
      return;
    }
    SlaPolicy p = em.find(SlaPolicy.class, r.slaPolicyId);
    if (p == null || p.nextResponseMinutes == null) {
      return;
    }
    WorkingTime time = calendars.workingTime(p.calendarId);
    SlaTimer next =
        timers.stream().filter(t -> t.kind == SlaTimerKind.NEXT_RESPONSE).findFirst().orElse(null);
    if (next == null) {
      SlaTimer started =
          SlaTimer.start(
              r.id,
              SlaTimerKind.NEXT_RESPONSE,
              p.id,
              p.calendarId,
              p.nextResponseMinutes * 60L,
              p.warningPercent,
              now,
              time);
      em.persist(started);
      timers.add(started);
    } else {
      next.nextCycle(now, time);
    }
  }

  /**
   * A change applied to each of the request's timers (loaded before the request changed) with its
   * calendar; the request's summary follows. No query runs here, so nothing is flushed early.
   */
  private void change(ServiceRequest r, List<SlaTimer> timers, TimerChange change) {
    Map<UUID, WorkingTime> times = new HashMap<>();
    for (SlaTimer t : timers) {
      change.apply(t, times.computeIfAbsent(t.calendarId, calendars::workingTime));
    }
    summarize(r, timers);
  }

  @FunctionalInterface
  interface TimerChange {
    boolean apply(SlaTimer timer, WorkingTime time);
  }

  private List<SlaTimer> timersOf(UUID requestId) {
    return em.createQuery("from SlaTimer t where t.requestId = :id order by t.kind", SlaTimer.class)
        .setParameter("id", requestId)
        .getResultList();
  }

  /** The worst state of the timers and the due instants of the running ones, on the request. */
  static void summarize(ServiceRequest r, List<SlaTimer> timers) {
    Map<SlaTimerKind, SlaTimer> byKind = new EnumMap<>(SlaTimerKind.class);
    timers.forEach(t -> byKind.put(t.kind, t));
    SlaTimerState worst = null;
    for (SlaTimerState s :
        List.of(
            SlaTimerState.BREACHED,
            SlaTimerState.WARNING,
            SlaTimerState.RUNNING,
            SlaTimerState.PAUSED,
            SlaTimerState.MET)) {
      if (timers.stream().anyMatch(t -> t.state == s)) {
        worst = s;
        break;
      }
    }
    r.slaState = worst;
    r.responseDueAt = null;
    for (SlaTimerKind k : List.of(SlaTimerKind.FIRST_RESPONSE, SlaTimerKind.NEXT_RESPONSE)) {
      SlaTimer t = byKind.get(k);
      if (t != null && t.running() && t.dueAt != null) {
        r.responseDueAt = t.dueAt;
      }
    }
    SlaTimer resolution = byKind.get(SlaTimerKind.RESOLUTION);
    r.resolutionDueAt = resolution != null && resolution.running() ? resolution.dueAt : null;
  }

  private static void open(ServiceRequest r) {
    if (r.status == ServiceRequestStatus.RESOLVED || r.status == ServiceRequestStatus.CLOSED) {
      throw dev.headlesscrm.platform.state.StateMachine.already(RESOURCE, r.status.name());
    }
  }

  private void notifyOwner(ServiceRequest r, String kind, String en, String zh) {
    notifications.send(
        r.ownerId,
        kind,
        RESOURCE,
        r.id,
        Text.of(
            en + ": " + r.number + " " + r.subject + ".",
            zh + "：" + r.number + " " + r.subject + "。"),
        Map.of("number", r.number));
  }
}
