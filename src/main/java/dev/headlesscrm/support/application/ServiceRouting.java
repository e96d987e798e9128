package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.PrincipalKind;
import dev.headlesscrm.support.domain.AgentProfile;
import dev.headlesscrm.support.domain.BusinessCalendar;
import dev.headlesscrm.support.domain.Routing;
import dev.headlesscrm.support.domain.RoutingDecision;
import dev.headlesscrm.support.domain.ServiceQueue;
import dev.headlesscrm.support.domain.ServiceRequest;
import dev.headlesscrm.support.domain.WorkingTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Routing of service requests to the most suitable available agent (see {@link Routing} for the
 * rule): queues tried by rank, overflow followed, members' profiles locked while their load is
 * counted so two requests routed at once cannot both take an agent's last room.
 */
@ApplicationScoped
public class ServiceRouting {

  @Inject EntityManager em;
  @Inject CurrentPrincipal principal;

  /** What routing decided, before it is kept. */
  public record Plan(
      UUID queueId,
      UUID departmentId,
      List<UUID> queuesTried,
      UUID chosen,
      String reason,
      List<dev.headlesscrm.support.domain.RoutingCandidate> candidates,
      String trigger) {}

  /** The plan for a request, or null when no active queue takes it. */
  Plan plan(ServiceRequest r, String trigger) {
    ServiceQueue queue =
        em.createQuery(
                "from ServiceQueue q where q.deletedAt is null and q.active order by q.rank, q.id",
                ServiceQueue.class)
            .getResultStream()
            .filter(q -> q.takes(r.category, r.type.name()))
            .findFirst()
            .orElse(null);
    if (queue == null) {
      return null;
    }
    UUID productId =
        r.goodsId == null
            ? null
            : em.find(dev.headlesscrm.support.domain.Goods.class, r.goodsId).productId;
    List<UUID> tried = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    ServiceQueue at = queue;
    Routing.Outcome outcome = null;
    StringBuilder overflow = new StringBuilder();
    while (at != null && seen.add(at.id)) {
      tried.add(at.id);
      outcome = Routing.decide(members(at, r), r.category, productId, at.weight(r.type.name()));
      if (outcome.chosen() != null || at.overflowQueueId == null) {
        break;
      }
      overflow
          .append("Overflowed from ")
          .append(at.name)
          .append(": ")
          .append(outcome.reason())
          .append(' ');
      ServiceQueue next = em.find(ServiceQueue.class, at.overflowQueueId);
      at = next == null || next.isDeleted() || !next.active ? null : next;
    }
    ServiceQueue ended = em.find(ServiceQueue.class, tried.get(tried.size() - 1));
    return new Plan(
        ended.id,
        ended.departmentId,
        tried,
        outcome.chosen(),
        overflow + outcome.reason(),
        outcome.candidates(),
        trigger);
  }

  /** The queue's members as routing weighs them now (their profiles locked, in id order). */
  private List<Routing.Member> members(ServiceQueue q, ServiceRequest r) {
    if (q.memberIds.isEmpty()) {
      return List.of();
    }
    Map<UUID, AgentProfile> profiles = new HashMap<>();
    em.createQuery(
            "from AgentProfile p where p.employeeId in :ids and p.deletedAt is null order by p.id",
            AgentProfile.class)
        .setParameter("ids", q.memberIds)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .forEach(p -> profiles.put(p.employeeId, p));
    Map<UUID, Integer> load = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> open =
        em.createNativeQuery(
                "SELECT owner_id, type, count(*) FROM service_requests WHERE owner_id = ANY(?1)"
                    + " AND deleted_at IS NULL AND status NOT IN ('RESOLVED', 'CLOSED')"
                    + " AND id <> ?2 GROUP BY owner_id, type")
            .setParameter(1, q.memberIds.toArray(UUID[]::new))
            .setParameter(2, r.id == null ? new UUID(0, 0) : r.id)
            .getResultList();
    for (Object[] row : open) {
      load.merge(
          (UUID) row[0], q.weight((String) row[1]) * ((Number) row[2]).intValue(), Integer::sum);
    }
    Instant now = Clock.now();
    List<Routing.Member> out = new ArrayList<>();
    for (UUID id : q.memberIds) {
      AgentProfile p = profiles.get(id);
      out.add(
          p == null
              ? new Routing.Member(
                  id, false, false, false, List.of(), load.getOrDefault(id, 0), 0, null)
              : new Routing.Member(
                  id,
                  true,
                  p.available,
                  atWork(p, now),
                  p.skills,
                  load.getOrDefault(id, 0),
                  p.capacity,
                  p.lastAssignedAt));
    }
    return out;
  }

  private boolean atWork(AgentProfile p, Instant now) {
    if (p.calendarId == null) {
      return true;
    }
    BusinessCalendar c = em.find(BusinessCalendar.class, p.calendarId);
    if (c == null) {
      return true;
    }
    WorkingTime time = c.workingTime();
    return time.secondsBetween(now, now.plusSeconds(1)) == 1;
  }

  /** Keeps the decision of a request that has its id, and marks the chosen agent's turn. */
  void keep(Plan plan, ServiceRequest r) {
    RoutingDecision d = new RoutingDecision();
    d.requestId = r.id;
    d.decidedAt = Clock.now();
    var me = principal.resolve();
    d.decidedBy = me.kind() == PrincipalKind.EMPLOYEE ? me.id() : null;
    d.trigger = plan.trigger();
    d.queueId = plan.queueId();
    d.queuesTried = new ArrayList<>(plan.queuesTried());
    d.chosenId = plan.chosen();
    d.reason = plan.reason();
    d.candidates = new ArrayList<>(plan.candidates());
    em.persist(d);
    if (plan.chosen() != null) {
      em.createQuery(
              "update AgentProfile p set p.lastAssignedAt = :now where p.employeeId = :id"
                  + " and p.deletedAt is null")
          .setParameter("now", d.decidedAt)
          .setParameter("id", plan.chosen())
          .executeUpdate();
    }
  }

  List<RoutingDecisionView> decisions(UUID requestId) {
    return em
        .createQuery(
            "from RoutingDecision d where d.requestId = :id order by d.decidedAt desc, d.id desc",
            RoutingDecision.class)
        .setParameter("id", requestId)
        .getResultList()
        .stream()
        .map(RoutingDecisionView::of)
        .toList();
  }
}
