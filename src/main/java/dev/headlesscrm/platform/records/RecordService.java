package dev.headlesscrm.platform.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ETags;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.InputValidator;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.api.MergePatcher;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Preconditions;
import dev.headlesscrm.platform.api.ProblemClassifier;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.api.Problems;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.platform.audit.ChangeLog;
import dev.headlesscrm.platform.audit.ChangeRecord;
import dev.headlesscrm.platform.audit.FieldChange;
import dev.headlesscrm.platform.audit.HistoryEntryView;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.persistence.ReadTransaction;
import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import dev.headlesscrm.platform.persistence.Transactions;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.platform.query.Projector;
import dev.headlesscrm.platform.query.QueryEngine;
import dev.headlesscrm.platform.query.RecordLoader;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.DataScope;
import dev.headlesscrm.platform.security.FieldPolicy;
import dev.headlesscrm.platform.security.Owned;
import dev.headlesscrm.platform.security.RecordAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The life of a record, written once for every resource: list, get, create, merge-patch update,
 * soft delete, restore, erase, upsert by external id, batch, and history. Each write checks the
 * function permission, validates, guards the version, and records its history entry and outbox
 * event in the same transaction. A resource supplies only what is its own: the mapping between
 * entity, view and input, and its rules ({@link #apply}).
 *
 * @param <E> the entity
 * @param <V> the view clients read
 * @param <I> the writable fields (create body, merge-patch target)
 */
public abstract class RecordService<E extends SoftDeletableEntity, V extends Versioned, I>
    implements RecordLoader {

  @Inject protected EntityManager em;
  @Inject protected QueryEngine engine;
  @Inject protected Projector projector;
  @Inject protected InputValidator validator;
  @Inject protected MergePatcher patcher;
  @Inject protected Preconditions preconditions;
  @Inject protected AccessPolicy access;
  @Inject protected ChangeLog changeLog;
  @Inject protected ObjectMapper json;
  @Inject protected ProblemClassifier classifier;
  @Inject protected DataScope dataScope;
  @Inject protected FieldPolicy fieldPolicy;
  @Inject protected RecordLocks locks;
  @Inject protected References references;
  @Inject jakarta.enterprise.inject.Instance<CustomValues> customValues;
  @Inject dev.headlesscrm.platform.export.ExportSlots exportSlots;
  @Inject protected dev.headlesscrm.platform.persistence.BulkWrites bulk;

  /** A bulk chunk's records by external id (see {@link #beginBulk}); empty outside one. */
  private final ThreadLocal<Map<String, E>> chunkRecords = new ThreadLocal<>();

  // --- What each resource declares -------------------------------------------------------

  /** The resource's spec, types and mappings. */
  protected abstract RecordDefinition<E, V, I> definition();

  protected ResourceSpec spec() {
    return definition().spec();
  }

  protected Class<E> entityClass() {
    return definition().entityClass();
  }

  protected Class<I> inputClass() {
    return definition().inputClass();
  }

  protected E newEntity() {
    return definition().newEntity().get();
  }

  protected V view(E entity) {
    return definition().view().apply(entity);
  }

  protected I input(E entity) {
    return definition().input().apply(entity);
  }

  /** The writable fields (create body, merge-patch target), for metadata. */
  public Class<?> inputType() {
    return inputClass();
  }

  /** Whether the records are owned (owner, team, transfer, data scope). */
  public boolean ownedRecords() {
    return Owned.class.isAssignableFrom(entityClass());
  }

  /** Whether records may be upserted by external id. */
  public boolean externalIds() {
    return definition().externalId() != null;
  }

  /** Copies validated input onto the entity and enforces the resource's rules. */
  protected abstract void apply(I input, E entity, boolean creating);

  protected void setExternalId(E entity, String externalId) {
    if (definition().externalId() == null) {
      throw CrmException.malformed(Text.of("This resource has no external ids.", "该资源不支持外部 id。"));
    }
    definition().externalId().accept(entity, externalId);
  }

  /**
   * Writes the input's plain fields onto the entity by name (see {@link RecordDefinition#of}), its
   * custom field values, and its external id when one is given (a record keeps the one it has).
   * What needs a rule — a default, a trim, a derived column — the resource writes after this.
   */
  protected void copy(I input, E entity) {
    definition().copy().accept(input, entity);
    if (input instanceof Record record) {
      Object custom = component(record, "custom");
      if (entity instanceof dev.headlesscrm.platform.persistence.HasCustomFields c) {
        c.customFieldValues().clear();
        if (custom instanceof Map<?, ?> values) {
          values.forEach((k, v) -> c.customFieldValues().put(String.valueOf(k), v));
        }
      }
      if (component(record, "externalId") instanceof String id
          && !id.isBlank()
          && definition().externalId() != null) {
        definition().externalId().accept(entity, id);
      }
    }
  }

  private static Object component(Record record, String name) {
    for (java.lang.reflect.RecordComponent c : record.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        try {
          return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return null;
  }

  /** After a create or update is flushed (the entity has its id): dependent rows, e.g. history. */
  protected void afterSave(E entity, boolean created) {}

  /**
   * After the record was deleted or restored, flushed, also when it went or came back with the
   * record a declared relation cascades from: what depends on it elsewhere follows.
   */
  protected void afterDeletedOrRestored(E entity) {}

  /**
   * Columns the database computes from the record as written (a customer's pool return date), set
   * after every write is flushed and before its answer, history entry and event are taken, so they
   * carry it under the same version. An override that writes the row itself must flush first (a
   * batched create has not) and refresh the entity after.
   */
  protected void derive(E entity) {}

  /** A live record the caller may update, for actions (submit, send, deliver...). */
  /**
   * The record a domain action changes, locked ({@code SELECT … FOR UPDATE}) until the transaction
   * ends: a concurrent action on it waits and then sees this one's outcome, so neither is lost. The
   * REST call's {@code If-Match}, when it names this record, must match (412).
   */
  protected E forUpdate(UUID id) {
    return forUpdate(id, Action.UPDATE);
  }

  /** As {@link #forUpdate(UUID)}, for an action with a function permission of its own. */
  protected E forUpdate(UUID id, Action permission) {
    access.require(resource(), permission);
    E entity = lockedLive(id);
    requireWritable(entity, Action.UPDATE);
    return entity;
  }

  /**
   * The live record the caller sees, locked until the transaction ends, after the REST call's
   * {@code If-Match} (412 when stale); no permission checked.
   */
  protected E lockedLive(UUID id) {
    E entity = em.find(entityClass(), id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (entity == null || !visible(entity)) {
      throw CrmException.notFound(resource(), id);
    }
    if (entity.isDeleted()) {
      throw gone(entity);
    }
    checkIfMatch(entity);
    return entity;
  }

  /**
   * Locks the record's row ({@code SELECT … FOR UPDATE}) until the transaction ends, for a change
   * decided elsewhere (an approval's outcome): no permission or visibility check, as the one who
   * decides need not see the record. A record that does not exist locks nothing.
   */
  public void lockRow(UUID id) {
    if (id != null) {
      em.find(entityClass(), id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }
  }

  /** The REST action's If-Match against the record it names (412 when stale). */
  protected void checkIfMatch(E entity) {
    preconditions.checkAction(entity.id, entity.version);
  }

  /** A change to what hangs off the record (its team, its lines) moves the record's version. */
  protected void bump(E entity) {
    entity.touch();
    em.flush();
  }

  /**
   * A named action on a record (submit, send, convert, mark won...): the change, flushed, and its
   * history entry and event with the fields it changed. Every action moves the version, also one
   * that changed only the record's lines (a delivery), and one that changed nothing is a 409 naming
   * the record's state: no history entry or event without a change.
   */
  protected V act(E entity, String action, java.util.function.Consumer<E> change) {
    V before = view(entity);
    change.accept(entity);
    em.flush();
    derive(entity);
    V after = view(entity);
    Map<String, FieldChange> changes = changeLog.diff(before, after);
    if (changes.isEmpty()) {
      throw dev.headlesscrm.platform.state.StateMachine.already(resource(), stateOf(after));
    }
    if (entity.version == before.version()) {
      bump(entity); // its own columns were not dirty (only its lines were)
      after = view(entity);
    }
    record(entity, action, changes, after);
    return after;
  }

  /** The view's status, for problems that name it; "unchanged" for records without one. */
  private static String stateOf(Object view) {
    for (java.lang.reflect.RecordComponent c : view.getClass().getRecordComponents()) {
      if (c.getName().equals("status")) {
        try {
          return String.valueOf(c.getAccessor().invoke(view));
        } catch (ReflectiveOperationException e) {
          break;
        }
      }
    }
    return "unchanged";
  }

  private static <T> Map<String, T> withoutWithheld(
      java.util.Set<String> withheld, Map<String, T> changes) {
    if (withheld.isEmpty() || changes == null) {
      return changes;
    }
    Map<String, T> out = new java.util.LinkedHashMap<>(changes);
    out.keySet()
        .removeIf(k -> withheld.contains(k.contains(".") ? k.substring(0, k.indexOf('.')) : k));
    return out;
  }

  /** Restrict/cascade rules before a soft delete. */
  protected void beforeDelete(E entity) {}

  /** Erase: by default the row is removed; resources holding personal data anonymise instead. */
  protected void erase(E entity) {
    em.remove(entity);
  }

  /** Conditions every query of this resource must satisfy: data scope for owned records. */
  protected SqlFragment scope() {
    return Owned.class.isAssignableFrom(entityClass())
        ? dataScope.condition(resource())
        : SqlFragment.TRUE;
  }

  /** The caller's data scope over this resource (alias t), for queries written by hand. */
  public SqlFragment visibleScope() {
    return scope();
  }

  /** Whether the caller may see this record at all (data scope, team); others get 404. */
  protected boolean visible(E entity) {
    return !(entity instanceof Owned owned) || dataScope.sees(resource(), owned);
  }

  /**
   * Before any change: a locked record (in approval) is a 409; a record the caller sees only as a
   * team member may be edited when shared read-write, and nothing more: deleting, restoring,
   * transferring and sharing need the owner within their scope.
   */
  protected void requireWritable(E entity, Action action) {
    locks
        .lockedBecause(resource(), entity.id)
        .ifPresent(
            reason -> {
              throw CrmException.conflict(reason);
            });
    if (!(entity instanceof Owned owned)) {
      return;
    }
    RecordAccess why = dataScope.access(resource(), owned);
    if (why == RecordAccess.SCOPE || (why == RecordAccess.TEAM_WRITE && action == Action.UPDATE)) {
      return;
    }
    throw CrmException.forbidden(
        why == RecordAccess.TEAM_WRITE
            ? Text.of(
                "This record is shared with you to edit; only those responsible for its owner may "
                    + action.name().toLowerCase()
                    + " it.",
                "该记录仅共享给您编辑，您不能执行此操作。")
            : Text.of("This record is shared with you read-only.", "该记录以只读方式共享给您。"));
  }

  /** What a read of a soft-deleted record answers; 404 unless a resource knows better. */
  protected CrmException gone(E entity) {
    return CrmException.notFound(spec().name(), entity.id);
  }

  @Override
  public String resource() {
    return spec().name();
  }

  /** Every row of the list as CSV or XLSX, streamed (see {@link Exporter}). */
  public jakarta.ws.rs.core.StreamingOutput export(
      ListQuery query,
      dev.headlesscrm.platform.export.ExportFormat format,
      String sheetName,
      Class<V> viewType) {
    access.require(resource(), Action.EXPORT);
    List<String> custom =
        spec().customFieldsColumn() != null && customValues.isResolvable()
            ? customValues.get().columns(resource(), false).stream().map(Map.Entry::getKey).toList()
            : List.of();
    java.util.Set<String> hidden = fieldPolicy.mask().hidden(resource());
    return exportSlots.run(
        () -> Exporter.stream(viewType, query, format, sheetName, this::list, hidden, custom));
  }

  // --- Reads -----------------------------------------------------------------------------

  @ReadTransaction
  public Page<V> list(ListQuery query) {
    access.require(resource(), Action.READ);
    QueryEngine.Slice<E> slice = engine.page(spec(), entityClass(), query, scope());
    return new Page<>(slice.rows().stream().map(this::view).toList(), slice.page());
  }

  /** The list as REST shows it: with {@code fields} and {@code expand} applied. */
  @ReadTransaction
  public Page<JsonNode> listShaped(ListQuery query, Class<?> viewType) {
    Page<V> page = list(query);
    if (isEmpty(query.fields()) && isEmpty(query.expand())) {
      // Nothing to reshape: the views are written as they are, and the response's field mask
      // leaves out what the caller may not see (FieldMaskWriterInterceptor), as for a single
      // record. Going through a JSON tree first cost about a third of a list's CPU.
      @SuppressWarnings("unchecked")
      Page<JsonNode> unshaped = (Page<JsonNode>) (Page<?>) page;
      return unshaped;
    }
    return projector.shape(spec(), viewType, page, query.fields(), query.expand());
  }

  private static boolean isEmpty(List<String> values) {
    return values == null || values.isEmpty();
  }

  @ReadTransaction
  public V get(UUID id) {
    access.require(resource(), Action.READ);
    return view(live(id));
  }

  /** Every record service embeds its records for {@code expand}. */
  @Override
  public Map<UUID, V> load(Collection<UUID> ids) {
    return getAll(ids);
  }

  /** The live records among these ids, for batched relations and {@code expand}. */
  @ReadTransaction
  public Map<UUID, V> getAll(Collection<UUID> ids) {
    Map<UUID, V> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    List<E> rows =
        em.createQuery(
                "from "
                    + entityClass().getSimpleName()
                    + " e where e.id in :ids and e.deletedAt is null",
                entityClass())
            .setParameter("ids", ids)
            .getResultList();
    engine.fetchCollections(entityClass(), rows);
    rows.stream().filter(this::visible).forEach(e -> found.put(e.id, view(e)));
    return found;
  }

  /**
   * For each target, the live records of this resource pointing at it through {@code relation}: at
   * most {@code limit} each, in creation order, within the caller's data scope (the inverse side of
   * a batched GraphQL relation, one statement whatever the number of targets).
   */
  @ReadTransaction
  public Map<UUID, List<V>> referringTo(
      dev.headlesscrm.platform.query.Relation relation, Collection<UUID> targets, int limit) {
    access.require(resource(), Action.READ);
    Map<UUID, List<V>> out = new LinkedHashMap<>();
    for (QueryEngine.Referring<E> r :
        engine.referring(spec(), entityClass(), relation.column(), targets, limit, scope())) {
      out.computeIfAbsent(r.target(), k -> new java.util.ArrayList<>()).add(view(r.row()));
    }
    return out;
  }

  /** The live records among these ids that the caller may read (to-one GraphQL relations). */
  @ReadTransaction
  public Map<UUID, V> readAll(Collection<UUID> ids) {
    access.require(resource(), Action.READ);
    return getAll(ids);
  }

  /** The record's history; a deleted record's only with {@code includeDeleted}. */
  @ReadTransaction
  public Page<HistoryEntryView> history(UUID id, PageRequest page, boolean includeDeleted) {
    access.require(resource(), Action.READ);
    E entity =
        includeDeleted
            ? find(id).orElseThrow(() -> CrmException.notFound(resource(), id))
            : live(id);
    Page<HistoryEntryView> entries = changeLog.history(resource(), id, page);
    var mask = fieldPolicy.mask();
    // A record that withholds fields now (a pool customer's phones) withholds their past values.
    java.util.Set<String> withheld =
        view(entity) instanceof dev.headlesscrm.platform.security.WithheldFields w
            ? java.util.Set.copyOf(w.hiddenFields())
            : java.util.Set.of();
    if (mask.hidden(resource()).isEmpty() && withheld.isEmpty()) {
      return entries;
    }
    return new Page<>(
        entries.data().stream()
            .map(
                e ->
                    new HistoryEntryView(
                        e.id(),
                        e.action(),
                        e.version(),
                        e.actor(),
                        e.occurredAt(),
                        withoutWithheld(withheld, mask.visibleChanges(resource(), e.changes()))))
            .toList(),
        entries.page());
  }

  // --- Writes ----------------------------------------------------------------------------

  @Transactional
  public V create(I input) {
    access.require(resource(), Action.CREATE);
    fieldPolicy.checkWritable(resource(), given(json.valueToTree(input)));
    return insert(input, null);
  }

  /** A create whose body is JSON: unknown fields are refused (422), read-only ones too. */
  @Transactional
  public V createFromJson(JsonNode body) {
    ObjectNode data = object(body);
    checkClientCreate(data);
    return create(read(data));
  }

  /**
   * A client's body for a new record may set only what a change of it could: fields the caller may
   * not write or see are refused, and another owner than the caller is a transfer that needs its
   * permission. Every create that takes a client's body passes here (REST, GraphQL, batch, upsert);
   * records that domain actions create (a contract from a quote) are not checked again.
   */
  private void checkClientCreate(ObjectNode data) {
    access.require(resource(), Action.CREATE);
    fieldPolicy.checkWritable(resource(), given(data));
    checkNewOwner(data.get("ownerId"));
  }

  /** Owned records: an owner other than the caller, given on create, needs the transfer right. */
  protected void checkNewOwner(JsonNode owner) {}

  @Transactional
  public V update(UUID id, Long expectedVersion, JsonNode mergePatch) {
    access.require(resource(), Action.UPDATE);
    E entity = live(id);
    requireWritable(entity, Action.UPDATE);
    preconditions.check(expectedVersion, entity.version);
    return change(entity, mergePatch, "updated");
  }

  @Transactional
  public void delete(UUID id, Long expectedVersion) {
    access.require(resource(), Action.DELETE);
    E entity = live(id);
    requireWritable(entity, Action.DELETE);
    preconditions.check(expectedVersion, entity.version);
    beforeDelete(entity);
    references.beforeDelete(resource(), entity.id);
    V before = view(entity);
    entity.markDeleted();
    em.flush();
    record(entity, "deleted", changeLog.diff(before, view(entity)), view(entity));
    references.afterDelete(resource(), entity.id, entity.deletedAt);
    afterDeletedOrRestored(entity);
  }

  @Transactional
  public V restore(UUID id) {
    access.require(resource(), Action.RESTORE);
    E entity = find(id).orElseThrow(() -> CrmException.notFound(resource(), id));
    requireWritable(entity, Action.RESTORE);
    if (!entity.isDeleted()) {
      throw CrmException.conflict(Text.of("The record is not deleted.", "该记录未被删除。"));
    }
    V before = view(entity);
    java.time.Instant deletedAt = entity.deletedAt;
    // One restore, one version: a query of the rules below (a payment locks its contract) must not
    // flush the half-restored record, as every flush of a change moves the version.
    jakarta.persistence.FlushModeType flushMode = em.getFlushMode();
    em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
    try {
      entity.deletedAt = null;
      // Rules still hold: a restored record must be valid as it stands (e.g. unique keys).
      apply(validator.valid(input(entity)), entity, false);
    } finally {
      em.setFlushMode(flushMode);
    }
    em.flush();
    derive(entity);
    V after = view(entity);
    record(entity, "restored", changeLog.diff(before, after), after);
    references.afterRestore(resource(), entity.id, deletedAt);
    afterDeletedOrRestored(entity);
    return view(entity);
  }

  // --- What declared relations do to this resource's records (see References) -------------
  // Public only so that CDI client proxies (generated in the resource's package) delegate them.

  /** The records whose relation points at {@code target}: live ones, or all. */
  private List<E> referring(
      dev.headlesscrm.platform.query.Relation relation, UUID target, boolean liveOnly) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery(
                "SELECT id FROM "
                    + spec().table()
                    + " WHERE "
                    + relation.column()
                    + " = ?1 AND id <> ?1"
                    + (liveOnly ? " AND deleted_at IS NULL" : "")
                    + " ORDER BY id",
                UUID.class)
            .setParameter(1, target)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "from " + entityClass().getSimpleName() + " e where e.id in :ids order by e.id",
            entityClass())
        .setParameter("ids", ids)
        .getResultList();
  }

  public long countReferring(dev.headlesscrm.platform.query.Relation relation, UUID target) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM "
                        + spec().table()
                        + " WHERE "
                        + relation.column()
                        + " = ?1 AND id <> ?1 AND deleted_at IS NULL")
                .setParameter(1, target)
                .getSingleResult())
        .longValue();
  }

  /**
   * Soft-deletes, with their target, the live records pointing at it. All are marked first, so the
   * rules they carry themselves (a contact's reports are detached) spare their siblings, and all
   * carry the target's deletion instant, by which a restore finds them again.
   */
  public void cascadeDelete(
      dev.headlesscrm.platform.query.Relation relation, UUID target, Instant at) {
    List<E> children = referring(relation, target, true);
    Map<E, V> before = new LinkedHashMap<>();
    for (E child : children) {
      beforeDelete(child);
      references.beforeDelete(resource(), child.id);
      before.put(child, view(child));
    }
    children.forEach(child -> child.deletedAt = at);
    em.flush();
    before.forEach(
        (child, was) -> {
          V now = view(child);
          record(child, "deleted", changeLog.diff(was, now), now);
        });
    children.forEach(child -> references.afterDelete(resource(), child.id, at));
    children.forEach(this::afterDeletedOrRestored);
  }

  /** Restores the records deleted together with their target (same instant). */
  public void cascadeRestore(
      dev.headlesscrm.platform.query.Relation relation, UUID target, Instant deletedAt) {
    List<E> children =
        referring(relation, target, false).stream()
            .filter(c -> deletedAt != null && deletedAt.equals(c.deletedAt))
            .toList();
    Map<E, V> before = new LinkedHashMap<>();
    children.forEach(child -> before.put(child, view(child)));
    children.forEach(child -> child.deletedAt = null);
    em.flush();
    before.forEach(
        (child, was) -> {
          apply(validator.valid(input(child)), child, false);
          em.flush();
          V now = view(child);
          record(child, "restored", changeLog.diff(was, now), now);
        });
    children.forEach(child -> references.afterRestore(resource(), child.id, deletedAt));
    children.forEach(this::afterDeletedOrRestored);
  }

  /** Clears the reference of the live records pointing at a deleted target. */
  public void detach(dev.headlesscrm.platform.query.Relation relation, UUID target) {
    for (E child : referring(relation, target, true)) {
      act(child, "updated", e -> setReference(e, relation, null));
    }
  }

  /** Points every record (live or not) that referred to {@code from} at {@code to}. */
  public int reassign(dev.headlesscrm.platform.query.Relation relation, UUID from, UUID to) {
    List<E> moving =
        referring(relation, from, false).stream().filter(e -> !e.id.equals(to)).toList();
    for (E child : moving) {
      act(child, "updated", e -> setReference(e, relation, to));
    }
    return moving.size();
  }

  private void setReference(
      E entity, dev.headlesscrm.platform.query.Relation relation, UUID value) {
    // Through the accessor Quarkus generates for the public field, so Hibernate tracks the change.
    String setter =
        "set" + Character.toUpperCase(relation.field().charAt(0)) + relation.field().substring(1);
    try {
      entityClass().getMethod(setter, UUID.class).invoke(entity, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          entityClass().getSimpleName() + " has no field " + relation.field(), e);
    }
  }

  /** Permanent erasure (special permission), answering GDPR-style requests. */
  @Transactional
  public void erasePermanently(UUID id) {
    access.require(resource(), Action.ERASE);
    E entity = find(id).orElseThrow(() -> CrmException.notFound(resource(), id));
    UUID recordId = entity.id;
    long version = entity.version;
    erase(entity);
    em.flush();
    // Past values go too: history keeps only which fields changed when, the feed no payloads.
    changeLog.forget(resource(), recordId);
    changeLog.record(new ChangeRecord(resource(), recordId, version, "erased", Map.of(), null));
  }

  /** PUT /x/external/{externalId}: creates, or merge-patches the record with that external id. */
  @Transactional
  public Upserted<V> upsert(String externalId, JsonNode body) {
    if (definition().externalId() == null) {
      // Before any lookup: such an entity has no externalId to query by. The generic route exists
      // for every resource but is not this one's (nor documented for it): refused like any method a
      // path does not serve.
      throw new CrmException(
          dev.headlesscrm.platform.api.ProblemType.METHOD_NOT_ALLOWED,
          Text.of("This resource has no external ids.", "该资源不支持外部 id。"));
    }
    if (externalId == null || externalId.isBlank() || externalId.length() > 100) {
      throw CrmException.invalidField(
          "externalId", "size", Text.of("1 to 100 characters.", "长度须为 1 到 100 个字符。"));
    }
    dev.headlesscrm.platform.api.UnicodeText.Refusal text =
        dev.headlesscrm.platform.api.UnicodeText.refusal(externalId);
    if (text != null) {
      throw CrmException.invalidField("externalId", text.code(), text.message());
    }
    ObjectNode data = object(body);
    JsonNode given = data.remove("externalId");
    if (given != null && !given.isNull() && !given.asText().equals(externalId)) {
      throw CrmException.invalidField(
          "externalId",
          "mismatch",
          Text.of("Differs from the external id in the path.", "与路径中的外部 id 不一致。"));
    }
    Optional<E> existing = findByExternalId(externalId);
    if (existing.isPresent()) {
      access.require(resource(), Action.UPDATE);
      E entity = existing.get();
      if (!visible(entity)) {
        throw CrmException.notFound(resource(), "external id " + externalId);
      }
      requireWritable(entity, Action.UPDATE);
      if (entity.isDeleted()) {
        entity.deletedAt = null;
      }
      return new Upserted<>(change(entity, data, "updated"), false);
    }
    checkClientCreate(data);
    I input = read(data);
    return new Upserted<>(insert(input, externalId), true);
  }

  /**
   * Operations of a non-atomic batch written this many to a transaction, so that a thousand cost
   * ten commits rather than a thousand: each runs as its single call would; when one fails, its
   * chunk is rolled back and the chunk's operations run again each in its own transaction, so the
   * others still apply and the failing one reports its problem.
   */
  static final int CHUNK = 100;

  /** POST /x/batch. Each operation obeys the rules of the single call it stands for. */
  public BatchResult batch(BatchRequest request, Lang lang) {
    validator.valid(request);
    List<BatchResult.Item> results = new ArrayList<>();
    if (request.isAtomic()) {
      try {
        return atomically(request, lang, true);
      } catch (RuntimeException failed) {
        // The bulk pass failed, and in bulk a failure may surface at a later operation than the
        // one that caused it (a constraint found when a query flushes, or at the chunk's end).
        // Nothing was written: run again one operation at a time, so that the failing one is
        // found and reported.
        return atomically(request, lang, false);
      }
    }
    List<BatchRequest.Operation> ops = request.operations();
    for (int start = 0; start < ops.size(); start += CHUNK) {
      int end = Math.min(ops.size(), start + CHUNK);
      List<BatchResult.Item> chunk = inOneTransaction(ops, start, end, lang);
      if (chunk != null) {
        results.addAll(chunk);
        continue;
      }
      for (int i = start; i < end; i++) {
        int index = i;
        BatchRequest.Operation op = ops.get(i);
        results.add(inOwnTransaction(() -> execute(index, op, lang), index, lang));
      }
    }
    return new BatchResult(results);
  }

  /**
   * Where an import keeps its progress: {@link #write} runs inside the transaction that writes the
   * operations {@code [from, to)} (or, for refused operations and dry runs, in one of its own), so
   * that the progress is committed exactly with the rows it counts; {@link #committed} runs once
   * that transaction has committed. Throwing from {@code write} rolls the operations back.
   */
  public interface ImportProgress {
    void write(int from, int to, List<BatchResult.Item> items);

    void committed(int from, int to);
  }

  /**
   * Runs import operations with a non-atomic batch's semantics (each obeys its single call's rules;
   * one refused leaves the others written), a chunk at a time in bulk, with the import's progress
   * written in the transactions that write the rows. A refused operation rolls its chunk back; the
   * operations before it go again in bulk, it runs alone to report its problem, and the chunk goes
   * on after it: a file with a bad row in every hundred costs about two bulk passes, not a
   * transaction per row. A dry run rolls every transaction back and writes only the progress.
   */
  public void importOperations(
      List<BatchRequest.Operation> ops, Lang lang, boolean dryRun, ImportProgress progress) {
    int start = 0;
    while (start < ops.size()) {
      int end = Math.min(ops.size(), start + CHUNK);
      int refused = importInBulk(ops, start, end, lang, dryRun, progress);
      if (refused == DONE) {
        start = end;
        continue;
      }
      if (refused == BROKEN) {
        // A failure at flush or commit names no operation: each goes on its own.
        for (int i = start; i < end; i++) {
          importAlone(ops, i, lang, dryRun, progress);
        }
        start = end;
        continue;
      }
      // Those before the refused one go again in bulk (a bad row costs one more bulk pass, not a
      // transaction per row of its chunk); the refused one runs alone, to report its own problem.
      if (refused > start && importInBulk(ops, start, refused, lang, dryRun, progress) != DONE) {
        for (int i = start; i < refused; i++) {
          importAlone(ops, i, lang, dryRun, progress);
        }
      }
      importAlone(ops, refused, lang, dryRun, progress);
      start = refused + 1;
    }
  }

  private static final int DONE = -1;
  private static final int BROKEN = -2;

  /** Operations [from, to) in one transaction: DONE, BROKEN, or the index of the refused one. */
  private int importInBulk(
      List<BatchRequest.Operation> ops,
      int from,
      int to,
      Lang lang,
      boolean dryRun,
      ImportProgress progress) {
    List<BatchResult.Item> done = new ArrayList<>();
    BatchResult.Item refused;
    try {
      refused =
          Transactions.inNew(
              () -> {
                BatchResult.Item bad = bulkChunk(ops, from, to, lang, done);
                if (bad != null) {
                  return new Transactions.Outcome<>(bad, false);
                }
                if (!dryRun) {
                  progress.write(from, to, done);
                }
                return new Transactions.Outcome<>(null, !dryRun);
              });
    } catch (ImportStopped stopped) {
      throw stopped;
    } catch (RuntimeException failed) {
      return BROKEN;
    }
    if (refused != null) {
      return refused.index();
    }
    if (dryRun) {
      QuarkusTransaction.requiringNew().run(() -> progress.write(from, to, done));
    }
    progress.committed(from, to);
    return DONE;
  }

  /** One operation in its own transaction, its outcome written with it (or alone when refused). */
  private void importAlone(
      List<BatchRequest.Operation> ops,
      int index,
      Lang lang,
      boolean dryRun,
      ImportProgress progress) {
    BatchRequest.Operation op = ops.get(index);
    BatchResult.Item item;
    try {
      item =
          Transactions.inNew(
              () -> {
                BatchResult.Item it = execute(index, op, lang);
                boolean keep = it.problem() == null && !dryRun;
                if (keep) {
                  progress.write(index, index + 1, List.of(it));
                }
                return new Transactions.Outcome<>(it, keep);
              });
    } catch (ImportStopped stopped) {
      throw stopped;
    } catch (RuntimeException e) {
      item = failure(index, e, lang);
    }
    if (item.problem() != null || dryRun) {
      BatchResult.Item outcome = item;
      QuarkusTransaction.requiringNew()
          .run(() -> progress.write(index, index + 1, List.of(outcome)));
    }
    progress.committed(index, index + 1);
  }

  /**
   * Thrown by an import's progress when the job may not go on (cancelled, or taken over by another
   * replica): what the transaction wrote is rolled back, and the import stops.
   */
  public static class ImportStopped extends RuntimeException {
    public ImportStopped(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * Between two operations of one transaction: what the last one wrote is flushed and let go, so
   * that each flush checks one record, not every record the transaction has touched so far.
   */
  private void settle() {
    em.flush();
    em.clear();
  }

  /**
   * An atomic batch in one transaction: every operation or none. A bulk pass writes the records and
   * the rows beside them a chunk at a time ({@link #bulkChunk}); a precise pass flushes each
   * operation as it goes, so that a failure is found at the operation that causes it.
   */
  private BatchResult atomically(BatchRequest request, Lang lang, boolean bulkPass) {
    List<BatchRequest.Operation> ops = request.operations();
    List<BatchResult.Item> results = new ArrayList<>();
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                if (bulkPass) {
                  for (int start = 0; start < ops.size(); start += CHUNK) {
                    int end = Math.min(ops.size(), start + CHUNK);
                    if (bulkChunk(ops, start, end, lang, results) != null) {
                      throw new IllegalStateException("bulk pass refused; run precisely");
                    }
                  }
                  return;
                }
                for (int i = 0; i < ops.size(); i++) {
                  BatchResult.Item item = execute(i, ops.get(i), lang);
                  results.add(item);
                  if (item.problem() != null) {
                    throw new BatchAborted();
                  }
                  settle();
                }
              });
    } catch (BatchAborted aborted) {
      // Nothing was written: report the failure and mark the others as not applied.
      BatchResult.Item failed = results.get(results.size() - 1);
      List<BatchResult.Item> rolledBack = new ArrayList<>();
      for (int i = 0; i < ops.size(); i++) {
        rolledBack.add(
            i == failed.index() ? failed : new BatchResult.Item(i, 424, null, null, null));
      }
      return new BatchResult(rolledBack);
    }
    return new BatchResult(results);
  }

  /** The chunk's results when every operation succeeded and committed; null when one did not. */
  private List<BatchResult.Item> inOneTransaction(
      List<BatchRequest.Operation> ops, int start, int end, Lang lang) {
    List<BatchResult.Item> done = new ArrayList<>();
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                if (bulkChunk(ops, start, end, lang, done) != null) {
                  throw new BatchAborted();
                }
              });
      return done;
    } catch (RuntimeException failed) {
      // A refused operation, or a failure at flush or commit: the chunk is rolled back as a whole.
      return null;
    }
  }

  /**
   * Runs operations {@code [start, end)} in the current transaction in bulk, adding their results
   * to {@code results}; answers the first refused one (the caller rolls back), else null. The
   * chunk's upserts look their records up in one statement, numbers come in one block, and the
   * records, history entries and events are written as JDBC batches when the chunk ends; a
   * constraint broken there fails the chunk as a whole.
   */
  private BatchResult.Item bulkChunk(
      List<BatchRequest.Operation> ops,
      int start,
      int end,
      Lang lang,
      List<BatchResult.Item> results) {
    beginBulk(ops, start, end);
    try {
      for (int i = start; i < end; i++) {
        BatchResult.Item item = execute(i, ops.get(i), lang);
        results.add(item);
        if (item.problem() != null) {
          return item;
        }
      }
      bulk.flush();
      em.clear();
      return null;
    } finally {
      chunkRecords.remove();
    }
  }

  /**
   * Makes the current transaction a bulk one for these operations: the records their upserts name
   * are loaded in one statement and kept by external id (with those the chunk creates), and the
   * number of records the chunk will create is the size of its number blocks.
   */
  private void beginBulk(List<BatchRequest.Operation> ops, int start, int end) {
    Map<String, E> byExternalId = new HashMap<>();
    int creates = 0;
    if (definition().externalId() != null) {
      List<String> wanted = new ArrayList<>();
      for (int i = start; i < end; i++) {
        BatchRequest.Operation op = ops.get(i);
        if ("upsert".equals(op.op()) && op.externalId() != null) {
          wanted.add(op.externalId());
        }
      }
      if (!wanted.isEmpty()) {
        for (Object[] row :
            em.createQuery(
                    "select e.externalId, e from "
                        + entityClass().getSimpleName()
                        + " e where e.externalId in :x",
                    Object[].class)
                .setParameter("x", wanted)
                .getResultList()) {
          byExternalId.put((String) row[0], entityClass().cast(row[1]));
        }
      }
      java.util.Set<String> counted = new java.util.HashSet<>();
      for (String x : wanted) {
        if (!byExternalId.containsKey(x) && counted.add(x)) {
          creates++;
        }
      }
    }
    for (int i = start; i < end; i++) {
      if ("create".equals(ops.get(i).op())) {
        creates++;
      }
    }
    chunkRecords.set(byExternalId);
    bulk.begin(creates);
  }

  // --- Internals -------------------------------------------------------------------------

  private BatchResult.Item execute(int index, BatchRequest.Operation op, Lang lang) {
    try {
      return switch (op.op() == null ? "" : op.op()) {
        case "create" -> {
          V v = createFromJson(op.data());
          yield new BatchResult.Item(index, 201, v.id(), v.version(), null);
        }
        case "update" -> {
          V v = update(Ids.parse(op.id()), ETags.expectedVersion(etag(op.ifMatch())), op.data());
          yield new BatchResult.Item(index, 200, v.id(), v.version(), null);
        }
        case "upsert" -> {
          Upserted<V> u = upsert(op.externalId(), op.data());
          yield new BatchResult.Item(
              index, u.created() ? 201 : 200, u.view().id(), u.view().version(), null);
        }
        case "delete" -> {
          UUID id = Ids.parse(op.id());
          delete(id, ETags.expectedVersion(etag(op.ifMatch())));
          yield new BatchResult.Item(index, 204, id, null, null);
        }
        default ->
            throw CrmException.invalidField(
                "operations[" + index + "].op",
                "enum",
                Text.of(
                    "op must be create, update, upsert or delete.",
                    "op 必须是 create、update、upsert 或 delete。"));
      };
    } catch (RuntimeException e) {
      return failure(index, e, lang);
    }
  }

  protected BatchResult.Item inOwnTransaction(
      Supplier<BatchResult.Item> work, int index, Lang lang) {
    try {
      return Transactions.inNew(
          () -> {
            BatchResult.Item item = work.get();
            return new Transactions.Outcome<>(item, item.problem() == null);
          });
    } catch (RuntimeException e) {
      // A failure at commit (e.g. a unique key) belongs to this operation alone.
      return failure(index, e, lang);
    }
  }

  private BatchResult.Item failure(int index, Throwable e, Lang lang) {
    CrmException known = classifier.classify(e);
    if (known == null) {
      known = new CrmException(ProblemType.INTERNAL, Text.of("Unexpected failure.", "意外错误。"));
    }
    return new BatchResult.Item(
        index,
        known.type().status(),
        null,
        null,
        Problems.of(known, "/" + resource() + "/batch/" + index, lang));
  }

  /** Batch operations may give ifMatch as a bare version. */
  private static String etag(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.contains("\"") || ifMatch.equals("*")) {
      return ifMatch;
    }
    return "\"" + ifMatch.trim() + "\"";
  }

  private V insert(I input, String externalId) {
    validator.valid(input);
    E entity = newEntity();
    if (externalId != null) {
      setExternalId(entity, externalId);
    }
    apply(input, entity, true);
    checkCustom(entity, Map.of(), true);
    em.persist(entity);
    if (bulk.active()) {
      bulk.created();
      Map<String, E> chunk = chunkRecords.get();
      if (chunk != null && externalId != null) {
        chunk.put(externalId, entity);
      }
    } else {
      em.flush();
    }
    afterSave(entity, true);
    derive(entity);
    V created = view(entity);
    record(entity, "created", changeLog.diff(null, created), created);
    return created;
  }

  private V change(E entity, JsonNode mergePatch, String action) {
    if (mergePatch != null && mergePatch.isObject()) {
      // Hidden fields are refused whatever the value (an answer would reveal it); read-only ones
      // when the patch changes them (below), so a read-modify-write of the whole record works.
      List<String> hidden = new ArrayList<>();
      mergePatch
          .fieldNames()
          .forEachRemaining(
              f -> {
                if (fieldPolicy.hidden(resource(), f)) {
                  hidden.add(f);
                }
              });
      fieldPolicy.checkWritable(resource(), hidden);
      JsonNode owner = mergePatch.get("ownerId");
      if (owner != null
          && entity instanceof Owned owned
          && !owner.asText("").equals(String.valueOf(owned.ownerId()))) {
        // A new owner through PATCH is a transfer and needs its permission.
        access.require(resource(), Action.TRANSFER);
      }
    }
    V before = view(entity);
    Map<String, Object> customBefore = customSnapshot(entity);
    I changed = validator.valid(patcher.apply(before, input(entity), mergePatch));
    apply(changed, entity, false);
    checkCustom(entity, customBefore, false);
    // Flushed even in bulk: Hibernate moves the version at flush, and the answer, the history
    // entry and the event carry the new one.
    em.flush();
    afterSave(entity, false);
    derive(entity);
    V after = view(entity);
    Map<String, FieldChange> changes = changeLog.diff(before, after);
    fieldPolicy.checkWritable(
        resource(), changes.keySet().stream().map(k -> k.split("\\.")[0]).distinct().toList());
    if (!changes.isEmpty() || before.version() != after.version()) {
      record(entity, action, changes, after);
    }
    return after;
  }

  private Map<String, Object> customSnapshot(E entity) {
    return entity instanceof dev.headlesscrm.platform.persistence.HasCustomFields c
        ? new java.util.LinkedHashMap<>(c.customFieldValues())
        : Map.of();
  }

  /** Custom values obey their definitions on every write path (create, patch, upsert, batch). */
  private void checkCustom(E entity, Map<String, Object> before, boolean creating) {
    if (entity instanceof dev.headlesscrm.platform.persistence.HasCustomFields c
        && spec().customFieldsColumn() != null
        && customValues.isResolvable()) {
      customValues.get().check(resource(), entity.id, before, c.customFieldValues(), creating);
    }
  }

  protected void record(E entity, String action, Map<String, FieldChange> changes, Object data) {
    changeLog.record(
        new ChangeRecord(resource(), entity.id, entity.version, action, changes, data));
  }

  /** The record if it exists and the caller's data scope includes it. */
  protected Optional<E> find(UUID id) {
    return Optional.ofNullable(em.find(entityClass(), id)).filter(this::visible);
  }

  protected E live(UUID id) {
    E entity = find(id).orElseThrow(() -> CrmException.notFound(resource(), id));
    if (entity.isDeleted()) {
      throw gone(entity);
    }
    return entity;
  }

  protected Optional<E> findByExternalId(String externalId) {
    Map<String, E> chunk = chunkRecords.get();
    if (chunk != null) {
      // The chunk looked its upserts up at its start and keeps what it created since.
      return Optional.ofNullable(chunk.get(externalId));
    }
    return em.createQuery(
            "from " + entityClass().getSimpleName() + " e where e.externalId = :x", entityClass())
        .setParameter("x", externalId)
        .getResultStream()
        .findFirst();
  }

  private I read(ObjectNode data) {
    try {
      return json.treeToValue(data, inputClass());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid record", e);
    }
  }

  /** The top-level fields a create names with a value. */
  private static List<String> given(JsonNode input) {
    List<String> names = new ArrayList<>();
    input
        .properties()
        .forEach(
            e -> {
              if (hasValue(e.getValue())) {
                names.add(e.getKey());
              }
            });
    return names;
  }

  private static boolean hasValue(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return false;
    }
    if (v.isContainerNode()) {
      for (JsonNode child : v) {
        if (hasValue(child)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  private static ObjectNode object(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw CrmException.malformed(
          Text.of("The record must be a JSON object.", "记录必须是一个 JSON 对象。"));
    }
    return ((ObjectNode) body).deepCopy();
  }

  /** Unwinds an atomic batch after its first failure. */
  private static final class BatchAborted extends RuntimeException {
    BatchAborted() {
      super(null, null, false, false);
    }
  }

  /** Now, as stored. */
  protected static java.time.Instant now() {
    return Clock.now();
  }
}
