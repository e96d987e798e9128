package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.platform.audit.FieldChange;
import dev.headlesscrm.platform.persistence.OwnedEntity;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.DataScope;
import dev.headlesscrm.platform.security.OrgDirectory;
import dev.headlesscrm.platform.security.PrincipalKind;
import dev.headlesscrm.platform.security.ResolvedPrincipal;
import dev.headlesscrm.platform.security.TeamAccess;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The life of an owned record (客户, 联系人 and later opportunities, contracts...): everything a {@link
 * RecordService} does, plus its owner (assigned from an active employee, who brings their
 * department), its team members (团队成员, shared read-only or read-write, optionally until a date) and
 * ownership transfer (转移), single or in batch, optionally carrying related records. Every team
 * change and transfer is a history entry and an event.
 */
public abstract class OwnedRecordService<E extends OwnedEntity, V extends Versioned, I>
    extends RecordService<E, V, I> {

  public static final String TEAM_MEMBER_ADDED = "team-member-added";
  public static final String TEAM_MEMBER_CHANGED = "team-member-changed";
  public static final String TEAM_MEMBER_REMOVED = "team-member-removed";
  public static final String TRANSFERRED = "transferred";

  @Inject protected OrgDirectory org;
  @Inject protected CurrentPrincipal principal;
  @Inject Instance<TransferParticipant> participants;
  @Inject dev.headlesscrm.platform.security.TeamShares teamShares;
  @Inject protected dev.headlesscrm.platform.notifications.NotificationService notifications;

  /** Sets the owner (and so the owner department); {@code null} on create means the caller. */
  protected void assignOwner(E entity, UUID requested, boolean creating) {
    UUID owner = requested;
    if (owner == null && creating) {
      ResolvedPrincipal me = principal.resolve();
      owner = me.kind() == PrincipalKind.EMPLOYEE ? me.id() : null;
    }
    if (owner == null) {
      entity.ownerId = null;
      entity.ownerDepartmentId = null;
      return;
    }
    if (owner.equals(entity.ownerId)) {
      return;
    }
    entity.ownerDepartmentId = member(owner, "ownerId").departmentId();
    entity.ownerId = owner;
  }

  @Override
  protected void checkNewOwner(com.fasterxml.jackson.databind.JsonNode owner) {
    if (owner != null && !owner.isNull()) {
      ResolvedPrincipal me = principal.resolve();
      if (!owner.asText().equals(String.valueOf(me.id()))) {
        // The same rule as a PATCH of ownerId: giving a record to someone else is a transfer.
        access.require(resource(), Action.TRANSFER);
      }
    }
  }

  private OrgDirectory.Member member(UUID employeeId, String field) {
    return bulk.remember(
            java.util.List.of("active-employee", employeeId), () -> org.activeEmployee(employeeId))
        .orElseThrow(
            () ->
                CrmException.invalidField(
                    field, "not-found", Text.of("No such active employee.", "该员工不存在或已停用。")));
  }

  // --- Team members ------------------------------------------------------------------------

  @Transactional
  @SuppressWarnings("unchecked")
  public List<TeamMemberView> team(UUID id) {
    access.require(resource(), Action.READ);
    live(id);
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT employee_id, access, until, added_by, added_at FROM record_team_members"
                    + " WHERE resource = ?1 AND record_id = ?2 ORDER BY added_at, employee_id")
            .setParameter(1, resource())
            .setParameter(2, id)
            .getResultList();
    return rows.stream().map(OwnedRecordService::member).toList();
  }

  /** The team of each of these records (already visible to the caller), in one statement. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Map<UUID, List<TeamMemberView>> teams(java.util.Collection<UUID> ids) {
    access.require(resource(), Action.READ);
    Map<UUID, List<TeamMemberView>> out = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT employee_id, access, until, added_by, added_at, record_id"
                    + " FROM record_team_members WHERE resource = :resource AND record_id IN (:ids)"
                    + " ORDER BY added_at, employee_id")
            .setParameter("resource", resource())
            .setParameter("ids", ids)
            .getResultList();
    for (Object[] row : rows) {
      out.computeIfAbsent((UUID) row[5], k -> new java.util.ArrayList<>()).add(member(row));
    }
    return out;
  }

  /** Shares the record with an employee, or changes the membership; only within one's scope. */
  @Transactional
  public TeamMemberView share(UUID id, TeamMemberInput input) {
    access.require(resource(), Action.UPDATE);
    validator.valid(input);
    E entity = lockedLive(id);
    requireWritable(entity, Action.TRANSFER);
    member(input.employeeId(), "employeeId");
    if (input.employeeId().equals(entity.ownerId)) {
      throw CrmException.invalidField(
          "employeeId",
          "owner",
          Text.of("The owner is not added as a team member.", "负责人本人无需添加为团队成员。"));
    }
    if (input.until() != null && input.until().isBefore(DataScope.today())) {
      throw CrmException.invalidField("until", "past", Text.of("The date has passed.", "日期已过。"));
    }
    TeamMemberView before = memberOf(id, input.employeeId());
    TeamMemberView after =
        putMember(id, input.employeeId(), input.accessOrDefault(), input.until());
    if (after.equals(before)) {
      return after; // nothing changed: no new version, history entry or event
    }
    bump(entity);
    if (before == null) {
      notifyOf(
          input.employeeId(),
          "record-shared",
          entity,
          "shared",
          Map.of("access", input.accessOrDefault().name()));
    }
    record(
        entity,
        before == null ? TEAM_MEMBER_ADDED : TEAM_MEMBER_CHANGED,
        teamChange(before, after),
        view(entity));
    return after;
  }

  @Transactional
  public void unshare(UUID id, UUID employeeId) {
    access.require(resource(), Action.UPDATE);
    E entity = lockedLive(id);
    requireWritable(entity, Action.TRANSFER);
    TeamMemberView before = memberOf(id, employeeId);
    if (before == null) {
      throw CrmException.notFound("team member", employeeId);
    }
    removeMember(id, employeeId);
    bump(entity);
    record(entity, TEAM_MEMBER_REMOVED, teamChange(before, null), view(entity));
  }

  // --- Transfer --------------------------------------------------------------------------

  @Transactional
  public V transfer(UUID id, TransferRequest request) {
    access.require(resource(), Action.TRANSFER);
    validator.valid(request);
    checkCarry(request.carried());
    E entity = lockedLive(id);
    requireWritable(entity, Action.TRANSFER);
    OrgDirectory.Member to = member(request.ownerId(), "ownerId");
    UUID previous = entity.ownerId;
    V after =
        reassign(
            entity,
            new TransferParticipant.Transfer(
                entity.ownerId, to.id(), to.departmentId(), request.previousOwnerAccess()),
            request.carried());
    if (!Objects.equals(previous, to.id())) {
      notifyOf(to.id(), "record-transferred", entity, TRANSFERRED, Map.of());
    }
    return after;
  }

  /**
   * Tells an employee (not the caller themselves) that a record came to them: a notification in
   * their inbox, in this transaction.
   */
  protected void notifyOf(
      UUID employee, String kind, E entity, String action, Map<String, Object> extra) {
    ResolvedPrincipal me = principal.resolve();
    if (employee == null || employee.equals(me.id())) {
      return;
    }
    String label = dev.headlesscrm.platform.notifications.NotificationService.label(view(entity));
    Map<String, Object> data = new LinkedHashMap<>(extra);
    data.put("action", action);
    data.put("by", me.id() == null ? null : me.id().toString());
    notifications.send(
        employee,
        kind,
        resource(),
        entity.id,
        Text.of(
            "The " + resource() + " " + label + " was " + action + " to you.",
            resource() + " " + label + " 已" + (kind.equals("record-shared") ? "共享" : "转交") + "给您。"),
        data);
  }

  /** POST /x/transfer: each record in its own transaction, with a result per record. */
  public BatchResult transferAll(BatchTransferRequest request, Lang lang) {
    // A caller whose roles may not transfer this resource at all is refused once, as a whole.
    access.require(resource(), Action.TRANSFER);
    validator.valid(request);
    List<BatchResult.Item> results = new ArrayList<>();
    for (int i = 0; i < request.ids().size(); i++) {
      int index = i;
      UUID id = request.ids().get(i);
      results.add(
          inOwnTransaction(
              () -> {
                V v = transfer(id, request.transfer());
                return new BatchResult.Item(index, 200, v.id(), v.version(), null);
              },
              index,
              lang));
    }
    return new BatchResult(results);
  }

  /**
   * Moves one record (already checked) to a new owner: the new owner leaves the team, the previous
   * one joins it if asked, related records follow if asked, and the change is recorded.
   */
  protected V reassign(E entity, TransferParticipant.Transfer transfer, List<String> carry) {
    return reassign(entity, transfer, carry, TRANSFERRED, e -> {});
  }

  /**
   * As {@link #reassign(OwnedEntity, TransferParticipant.Transfer, List)}, recorded as the named
   * action, with more changes of the record's own made with the owner's (a claim out of the public
   * pool sets when it was claimed).
   */
  protected V reassign(
      E entity,
      TransferParticipant.Transfer transfer,
      List<String> carry,
      String action,
      java.util.function.Consumer<E> alongside) {
    UUID previous = entity.ownerId;
    if (!Objects.equals(previous, transfer.to())) {
      V before = view(entity);
      alongside.accept(entity);
      entity.ownerId = transfer.to();
      entity.ownerDepartmentId = transfer.toDepartment();
      removeMember(entity.id, transfer.to());
      if (previous != null && transfer.previousOwnerAccess() != null) {
        putMember(entity.id, previous, transfer.previousOwnerAccess(), null);
      }
      em.flush();
      derive(entity);
      V after = view(entity);
      record(entity, action, changeLog.diff(before, after), after);
    }
    for (TransferParticipant p : participants) {
      if (p.resource().equals(resource()) && carry.contains(p.carries())) {
        p.carry(
            entity.id,
            new TransferParticipant.Transfer(
                previous, transfer.to(), transfer.toDepartment(), transfer.previousOwnerAccess()));
      }
    }
    return view(entity);
  }

  /**
   * Carries the live records whose {@code parentField} is the parent to the transfer's new owner (a
   * customer's contacts, a contract's payments...), each recorded as transferred.
   */
  public void follow(String parentField, UUID parentId, TransferParticipant.Transfer transfer) {
    em.createQuery(
            "from "
                + entityClass().getSimpleName()
                + " e where e."
                + parentField
                + " = :id and e.deletedAt is null order by e.id",
            entityClass())
        .setParameter("id", parentId)
        .getResultList()
        .forEach(e -> reassign(e, transfer, List.of()));
  }

  private void checkCarry(List<String> carry) {
    List<String> known = new ArrayList<>();
    participants.forEach(
        p -> {
          if (p.resource().equals(resource())) {
            known.add(p.carries());
          }
        });
    for (String c : carry) {
      if (!known.contains(c)) {
        throw CrmException.invalidField(
            "carry",
            "unknown",
            Text.of(
                "'" + c + "' cannot be carried; " + resource() + " carries " + known + ".",
                "'" + c + "' 不能随之转移；可选：" + known + "。"));
      }
    }
  }

  // --- Storage ---------------------------------------------------------------------------

  private TeamMemberView putMember(UUID id, UUID employee, TeamAccess access, LocalDate until) {
    UUID actor = principal.resolve().id();
    em.createNativeQuery(
            "INSERT INTO record_team_members"
                + " (resource, record_id, employee_id, access, until, added_by, added_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " ON CONFLICT (resource, record_id, employee_id)"
                + " DO UPDATE SET access = EXCLUDED.access, until = EXCLUDED.until")
        .setParameter(1, resource())
        .setParameter(2, id)
        .setParameter(3, employee)
        .setParameter(4, access.name())
        .setParameter(5, until)
        .setParameter(6, actor)
        .setParameter(7, Timestamp.from(now()))
        .executeUpdate();
    teamShares.changedHere();
    return memberOf(id, employee);
  }

  private void removeMember(UUID id, UUID employee) {
    em.createNativeQuery(
            "DELETE FROM record_team_members"
                + " WHERE resource = ?1 AND record_id = ?2 AND employee_id = ?3")
        .setParameter(1, resource())
        .setParameter(2, id)
        .setParameter(3, employee)
        .executeUpdate();
    teamShares.changedHere();
  }

  @SuppressWarnings("unchecked")
  private TeamMemberView memberOf(UUID id, UUID employee) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT employee_id, access, until, added_by, added_at FROM record_team_members"
                    + " WHERE resource = ?1 AND record_id = ?2 AND employee_id = ?3")
            .setParameter(1, resource())
            .setParameter(2, id)
            .setParameter(3, employee)
            .getResultList();
    return rows.isEmpty() ? null : member(rows.get(0));
  }

  private static TeamMemberView member(Object[] row) {
    return new TeamMemberView(
        (UUID) row[0],
        TeamAccess.valueOf((String) row[1]),
        row[2] == null ? null : toDate(row[2]),
        (UUID) row[3],
        toInstant(row[4]));
  }

  private static LocalDate toDate(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }

  private static java.time.Instant toInstant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return (java.time.Instant) value;
  }

  private static Map<String, FieldChange> teamChange(TeamMemberView before, TeamMemberView after) {
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    UUID employee = before != null ? before.employeeId() : after.employeeId();
    changes.put("team." + employee, new FieldChange(describe(before), describe(after)));
    return changes;
  }

  private static Map<String, Object> describe(TeamMemberView m) {
    if (m == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("employeeId", m.employeeId().toString());
    out.put("access", m.access().name());
    out.put("until", m.until() == null ? null : m.until().toString());
    return out;
  }
}
