package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Customer;
import dev.headlesscrm.customer.domain.LifecycleStage;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.search.Mnemonic;
import dev.headlesscrm.platform.search.SearchText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Customers: the generic record life plus the customer's own rules. */
@ApplicationScoped
public class CustomerService extends OwnedRecordService<Customer, CustomerView, CustomerInput> {

  static final String RESOURCE = "customer";

  @Inject DictionaryService dictionaryCheck;
  @Inject NumberingService numbering;
  @Inject PoolDirectory pools;
  @Inject PoolReturnRules returnRules;
  @Inject PoolLimits limits;
  @Inject dev.headlesscrm.platform.settings.SettingsService settings;
  @Inject io.quarkus.security.identity.SecurityIdentity identity;
  @Inject dev.headlesscrm.platform.timeline.Timelines timelines;

  @Inject
  jakarta.enterprise.inject.Instance<dev.headlesscrm.platform.timeline.CustomerSalesFigures>
      salesFigures;

  /** 领取, 分配, 放入公海, 锁定/解锁 and the rules' return, as history and events name them. */
  public static final String CLAIMED = "claimed";

  public static final String ASSIGNED = "assigned";
  public static final String PUT_BACK = "put-back";
  public static final String RETURNED = "returned-to-pool";
  public static final String LOCKED = "locked";
  public static final String UNLOCKED = "unlocked";
  public static final String POOL_RULES_APPLIED = "pool-rules-applied";

  /** What the pool moves carry along: contacts always, open tasks to a new owner. */
  private static final List<String> INTO_POOL = List.of("contacts");

  private static final List<String> OUT_OF_POOL = List.of("contacts", "tasks");

  static final RecordDefinition<Customer, CustomerView, CustomerInput> DEFINITION =
      RecordDefinition.of(
              CustomerResources.CUSTOMERS, Customer.class, CustomerView.class, CustomerInput.class)
          .view("finance", CustomerView::financeOf)
          .view(
              "poolReturnCriterion",
              c ->
                  c.poolReturnCriterion == null
                      ? null
                      : dev.headlesscrm.customer.domain.PoolCriterion.valueOf(
                          c.poolReturnCriterion))
          .view("hiddenFields", c -> List.copyOf(c.hiddenFields))
          .input("finance", CustomerInput::financeOf)
          .own("number", "parentId", "lifecycleStage")
          .build();

  @Override
  protected RecordDefinition<Customer, CustomerView, CustomerInput> definition() {
    return DEFINITION;
  }

  /** A customer another context creates (e.g. a converted lead), with every rule of a create. */
  @jakarta.transaction.Transactional
  public CustomerView create(NewCustomer command) {
    return create(command.input());
  }

  @Override
  protected CrmException gone(Customer entity) {
    if (entity.mergedIntoId != null) {
      return CrmException.moved(
          "mergedInto", entity.mergedIntoId, "/api/v1/customers/" + entity.mergedIntoId);
    }
    return super.gone(entity);
  }

  @Override
  protected void apply(CustomerInput in, Customer c, boolean creating) {
    checkDictionaries(in);
    if (creating) {
      c.number = blank(in.number()) ? numbering.next(RESOURCE) : in.number().trim();
      c.tags = new ArrayList<>();
      c.customFields = new LinkedHashMap<>();
    } else if (blank(in.number())) {
      throw CrmException.invalidField(
          "number", "required", Text.of("The customer number is required.", "客户编号不能为空。"));
    } else {
      c.number = in.number().trim();
    }
    copy(in, c);
    c.name = in.name().trim();
    c.mnemonic = blank(in.mnemonic()) ? Mnemonic.of(c.name) : in.mnemonic();
    c.creditLimit = in.creditLimit() == null ? null : in.creditLimit().setScale(2);
    c.currency = blank(in.currency()) ? "CNY" : in.currency();
    CustomerInput.Finance finance = in.finance();
    c.bankName = finance == null ? null : finance.bankName();
    c.bankAccount = finance == null ? null : finance.bankAccount();
    c.taxId = finance == null ? null : finance.taxId();
    c.financePhone = finance == null ? null : finance.phone();
    if (creating) {
      c.lifecycleStage = LifecycleStage.PROSPECT;
    }
    if ((in.birthday() != null || in.gender() != null) && !"INDIVIDUAL".equals(in.type())) {
      throw CrmException.invalidField(
          in.birthday() != null ? "birthday" : "gender",
          "individual-only",
          Text.of(
              "Only individual customers (type INDIVIDUAL) have a birthday and gender.",
              "只有个人客户（类型 INDIVIDUAL）才有生日和性别。"));
    }
    if (in.lifecycleStage() != null && in.lifecycleStage() != c.lifecycleStage) {
      throw CrmException.invalidField(
          "lifecycleStage",
          "derived",
          Text.of(
              "The lifecycle stage is derived from won deals, payments and follow-ups; it is not"
                  + " written.",
              "客户生命周期阶段由成交、回款和跟进自动得出，不能直接修改。"));
    }
    c.tags =
        in.tags() == null
            ? new ArrayList<>()
            : new ArrayList<>(in.tags().stream().distinct().toList());
    checkParent(c, in.parentId());
    c.parentId = in.parentId();
    UUID ownerBefore = c.ownerId;
    if (!creating && c.poolId != null && in.ownerId() != null) {
      throw CrmException.conflict(
          Text.of(
              "The customer is in the public pool: claim it, or assign it"
                  + " (POST /api/v1/customers/{id}/assign).",
              "该客户在公海中：请领取或分配。"));
    }
    assignOwner(c, in.ownerId(), creating);
    if (!java.util.Objects.equals(ownerBefore, c.ownerId)) {
      c.ownedSince = c.ownerId == null ? null : now();
    }
    SearchText.Columns search =
        SearchText.builder()
            .add(c.name)
            .mnemonic(c.mnemonic)
            .code(c.number)
            .code(c.externalId)
            .phone(c.mainPhone)
            .email(c.email)
            .build();
    c.searchText = search.searchText();
    c.searchTokens = new ArrayList<>(search.searchTokens());
  }

  private void checkParent(Customer c, UUID parentId) {
    if (parentId == null) {
      return;
    }
    Customer parent = em.find(Customer.class, parentId);
    if (parent == null || parent.isDeleted() || !dataScope.sees(RESOURCE, parent)) {
      throw CrmException.invalidField(
          "parentId", "not-found", Text.of("No such parent customer.", "上级单位不存在。"));
    }
    if (c.id != null && ancestorsOf(parentId).contains(c.id)) {
      throw CrmException.invalidField(
          "parentId",
          "cycle",
          Text.of(
              "A customer cannot be its own parent or the parent of one of its parents.",
              "上级单位不能是客户自身或其下级单位。"));
    }
  }

  @SuppressWarnings("unchecked")
  private List<UUID> ancestorsOf(UUID id) {
    return em.createNativeQuery(
            "WITH RECURSIVE up(id, parent_id, depth) AS ("
                + " SELECT id, parent_id, 0 FROM customers WHERE id = ?1"
                + " UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM customers c"
                + " JOIN up ON c.id = up.parent_id WHERE up.depth < 1000)"
                + " SELECT id FROM up",
            UUID.class)
        .setParameter(1, id)
        .getResultList();
  }

  /**
   * 成交: a contract of the customer was approved. A system action (whoever approved need not see the
   * customer): status WON, a prospect becomes a new customer, and the last won deal and latest
   * contract end move (the pool's "days without a won deal" and "after the contract ended" count
   * from them); recorded as "won".
   */
  @jakarta.transaction.Transactional
  public void markWon(UUID customerId, java.time.LocalDate contractEnd) {
    Customer c =
        em.find(Customer.class, customerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (c == null || c.isDeleted()) {
      return;
    }
    dev.headlesscrm.customer.domain.LifecycleRules.Thresholds thresholds = thresholds();
    act(
        c,
        "won",
        x -> {
          x.status = "WON";
          x.lastWonAt = now();
          x.wonDeals++;
          if (x.firstWonAt == null) {
            x.firstWonAt = x.lastWonAt;
          }
          if (contractEnd != null
              && (x.lastContractEndOn == null || contractEnd.isAfter(x.lastContractEndOn))) {
            x.lastContractEndOn = contractEnd;
          }
          x.lifecycleStage = stageOf(x, thresholds, x.lastWonAt);
        });
  }

  /** 回款: an approved payment of the customer's is activity that keeps it active. */
  @jakarta.transaction.Transactional
  public void paymentReceived(UUID customerId) {
    Customer c =
        em.find(Customer.class, customerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (c == null || c.isDeleted()) {
      return;
    }
    dev.headlesscrm.customer.domain.LifecycleRules.Thresholds thresholds = thresholds();
    act(
        c,
        "paid",
        x -> {
          x.lastPaymentAt = now();
          x.lifecycleStage = stageOf(x, thresholds, x.lastPaymentAt);
        });
  }

  /** The lifecycle thresholds (system parameters lifecycle.*), read once per change. */
  public dev.headlesscrm.customer.domain.LifecycleRules.Thresholds thresholds() {
    return new dev.headlesscrm.customer.domain.LifecycleRules.Thresholds(
        settings.value(dev.headlesscrm.platform.settings.Setting.LIFECYCLE_NEW_DAYS).asInt(90),
        settings.value(dev.headlesscrm.platform.settings.Setting.LIFECYCLE_LOYAL_DEALS).asInt(3),
        settings.value(dev.headlesscrm.platform.settings.Setting.LIFECYCLE_AT_RISK_DAYS).asInt(90),
        settings.value(dev.headlesscrm.platform.settings.Setting.LIFECYCLE_LOST_DAYS).asInt(365));
  }

  static LifecycleStage stageOf(
      Customer c,
      dev.headlesscrm.customer.domain.LifecycleRules.Thresholds thresholds,
      java.time.Instant now) {
    return dev.headlesscrm.customer.domain.LifecycleRules.stage(
        new dev.headlesscrm.customer.domain.LifecycleRules.Facts(
            c.wonDeals, c.firstWonAt, c.lastWonAt, c.lastFollowUpAt, c.lastPaymentAt),
        thresholds,
        now);
  }

  /**
   * As time passes a won customer grows quiet: the stage of one customer as of {@code now}, moved
   * through its version ({@code stage-changed}) when it differs. Whether it changed.
   */
  @jakarta.transaction.Transactional
  public boolean restage(
      UUID id,
      dev.headlesscrm.customer.domain.LifecycleRules.Thresholds thresholds,
      java.time.Instant now) {
    Customer c = em.find(Customer.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (c == null || c.isDeleted()) {
      return false;
    }
    LifecycleStage stage = stageOf(c, thresholds, now);
    if (stage == c.lifecycleStage) {
      return false;
    }
    act(c, "stage-changed", x -> x.lifecycleStage = stage);
    return true;
  }

  // --- The public pool (公海) -------------------------------------------------------------

  /**
   * Keeps the pool return date what the governing pool's rules say of the customer as written: one
   * statement computes it in the database (the rules' filters are SQL), and the row is refreshed so
   * the answer, history entry and event carry it under the write's own version. Nothing runs for a
   * customer no pool governs that had no return date.
   */
  @Override
  protected void derive(Customer c) {
    boolean governed =
        c.poolId == null
            && c.ownerId != null
            && pools
                .governing(c.ownerId, c.ownerDepartmentId)
                .map(p -> !p.rules().isEmpty())
                .orElse(false);
    if (!governed && c.poolReturnAt == null && c.poolReturnPoolId == null) {
      return;
    }
    em.flush();
    Object[] row =
        (Object[])
            engine
                .nativeQuery(
                    returnRules.select(
                        "t.id", dev.headlesscrm.platform.query.SqlFragment.of("t.id = ?", c.id)))
                .getSingleResult();
    if (setReturn(c.id, c, row)) {
      em.refresh(c);
    }
  }

  /** Writes a computed return (row: key, at, pool, rule, criterion) when it differs from c's. */
  private boolean setReturn(UUID id, Customer c, Object[] row) {
    java.time.Instant at = instant(row[1]);
    UUID pool = (UUID) row[2];
    String rule = (String) row[3];
    String criterion = (String) row[4];
    if (java.util.Objects.equals(at, c.poolReturnAt)
        && java.util.Objects.equals(pool, c.poolReturnPoolId)
        && java.util.Objects.equals(rule, c.poolReturnRule)
        && java.util.Objects.equals(criterion, c.poolReturnCriterion)) {
      return false;
    }
    em.createNativeQuery(
            "UPDATE customers SET pool_return_at = ?1, pool_return_pool_id = ?2,"
                + " pool_return_rule = ?3, pool_return_criterion = ?4 WHERE id = ?5")
        .setParameter(1, at == null ? null : java.sql.Timestamp.from(at))
        .setParameter(2, pool)
        .setParameter(3, rule)
        .setParameter(4, criterion)
        .setParameter(5, id)
        .executeUpdate();
    return true;
  }

  /**
   * After a pool changed: every customer whose computed return or withheld fields no longer match
   * is brought up to date, each through its version with a history entry and event ({@code
   * pool-rules-applied}). Returns how many changed.
   */
  public int applyPoolRules() {
    dev.headlesscrm.platform.query.SqlFragment computed =
        returnRules.select(
            "t.id",
            dev.headlesscrm.platform.query.SqlFragment.of(
                "t.deleted_at IS NULL AND t.pool_id IS NULL AND t.owner_id IS NOT NULL"));
    @SuppressWarnings("unchecked")
    List<Object> stale =
        (List<Object>)
            engine
                .nativeQuery(
                    new dev.headlesscrm.platform.query.SqlFragment(
                        "SELECT x.id FROM ("
                            + computed.sql()
                            + ") x JOIN customers c ON c.id = x.id"
                            + " WHERE x.at IS DISTINCT FROM c.pool_return_at"
                            + " OR x.pool_id IS DISTINCT FROM c.pool_return_pool_id"
                            + " OR x.rule IS DISTINCT FROM c.pool_return_rule"
                            + " OR x.criterion IS DISTINCT FROM c.pool_return_criterion"
                            + " ORDER BY x.id",
                        computed.params()))
                .getResultList();
    int changed = 0;
    for (Object id : stale) {
      Customer c = em.find(Customer.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
      CustomerView before = view(c);
      derive(c);
      if (before.equals(view(c))) {
        continue; // written meanwhile, and so already current
      }
      bump(c);
      CustomerView after = view(c);
      record(c, POOL_RULES_APPLIED, changeLog.diff(before, after), after);
      changed++;
    }
    @SuppressWarnings("unchecked")
    List<Customer> inPools =
        em.createQuery(
                "from Customer c where c.poolId is not null and c.deletedAt is null order by c.id",
                Customer.class)
            .getResultList();
    for (Customer c : inPools) {
      List<String> hidden =
          pools.byId(c.poolId).map(PoolDirectory.Pool::hiddenFields).orElse(List.of());
      if (!hidden.equals(c.hiddenFields)) {
        em.lock(c, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        act(c, POOL_RULES_APPLIED, x -> x.hiddenFields = new ArrayList<>(hidden));
        changed++;
      }
    }
    return changed;
  }

  /** A pool member sees the customers in that pool (with its withheld fields left out). */
  @Override
  protected boolean visible(Customer c) {
    return super.visible(c) || (c.poolId != null && memberOfPool(c.poolId));
  }

  @Override
  protected void requireWritable(Customer c, dev.headlesscrm.platform.security.Action action) {
    if (c.poolId != null && !dataScope.inScope(RESOURCE, c)) {
      throw CrmException.forbidden(
          Text.of("The customer is in the public pool: claim it first.", "该客户在公海中，请先领取。"));
    }
    super.requireWritable(c, action);
  }

  private boolean memberOfPool(UUID poolId) {
    dev.headlesscrm.platform.security.ResolvedPrincipal me = principal.resolve();
    return me.kind() == dev.headlesscrm.platform.security.PrincipalKind.EMPLOYEE
        && pools.byId(poolId).map(p -> pools.isMember(p, me.id(), me.departmentId())).orElse(false);
  }

  private boolean administers(PoolDirectory.Pool pool) {
    return identity.hasRole(dev.headlesscrm.platform.security.Roles.CRM_ADMIN)
        || pool.adminIds().contains(principal.resolve().id());
  }

  /** A transfer also starts the new owner's time; out of a pool, it is an assignment. */
  @Override
  protected CustomerView reassign(
      Customer c,
      dev.headlesscrm.platform.records.TransferParticipant.Transfer transfer,
      List<String> carry) {
    return reassign(
        c,
        transfer,
        carry,
        TRANSFERRED,
        x -> {
          x.ownedSince = now();
          x.poolId = null;
          x.hiddenFields = new ArrayList<>();
        });
  }

  /** The customer in a pool the caller may act on, locked; 404 when they cannot see it. */
  private Customer poolCustomer(UUID id) {
    Customer c = em.find(Customer.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (c == null || !visible(c)) {
      throw CrmException.notFound(RESOURCE, id);
    }
    if (c.isDeleted()) {
      throw gone(c);
    }
    checkIfMatch(c);
    if (c.poolId == null) {
      throw CrmException.conflict(Text.of("The customer is not in the public pool.", "该客户不在公海中。"));
    }
    return c;
  }

  /** 领取: a pool member takes a customer out of the pool, within the pool's limits. */
  @jakarta.transaction.Transactional
  public CustomerView claim(UUID id) {
    access.require(RESOURCE, dev.headlesscrm.platform.security.Action.UPDATE);
    dev.headlesscrm.platform.security.ResolvedPrincipal me = principal.resolve();
    if (me.kind() != dev.headlesscrm.platform.security.PrincipalKind.EMPLOYEE) {
      throw CrmException.forbidden(Text.of("Only employees claim customers.", "只有员工可以领取客户。"));
    }
    Customer c = poolCustomer(id);
    PoolDirectory.Pool pool = pools.byId(c.poolId).orElseThrow();
    if (!pools.isMember(pool, me.id(), me.departmentId())) {
      throw CrmException.notFound(RESOURCE, id);
    }
    limits.checkClaim(pool, c, me.id());
    return outOfPool(c, pool, me.id(), CLAIMED);
  }

  /** 分配: a pool administrator gives a customer in the pool to an employee. */
  @jakarta.transaction.Transactional
  public CustomerView assign(UUID id, UUID employeeId) {
    access.require(RESOURCE, dev.headlesscrm.platform.security.Action.UPDATE);
    Customer c = poolCustomer(id);
    PoolDirectory.Pool pool = pools.byId(c.poolId).orElseThrow();
    if (!administers(pool)) {
      throw CrmException.forbidden(
          Text.of("Only the pool's administrators assign its customers.", "只有公海管理员可以分配公海客户。"));
    }
    if (employeeId == null) {
      throw CrmException.invalidField(
          "ownerId", "required", Text.of("Name the employee.", "请指定员工。"));
    }
    limits.checkCap(pool, employeeId);
    return outOfPool(c, pool, employeeId, ASSIGNED);
  }

  private CustomerView outOfPool(Customer c, PoolDirectory.Pool pool, UUID to, String action) {
    UUID department =
        org.activeEmployee(to)
            .orElseThrow(
                () ->
                    CrmException.invalidField(
                        "ownerId", "not-found", Text.of("No such active employee.", "该员工不存在或已停用。")))
            .departmentId();
    CustomerView after =
        reassign(
            c,
            new dev.headlesscrm.platform.records.TransferParticipant.Transfer(
                null, to, department, null),
            OUT_OF_POOL,
            action,
            x -> {
              x.poolId = null;
              x.hiddenFields = new ArrayList<>();
              x.ownedSince = now();
            });
    limits.recordClaim(pool, c.id, to, action, principal.resolve().id());
    notifyOf(to, "record-transferred", c, action, Map.of("poolId", pool.id().toString()));
    return after;
  }

  /**
   * 放入公海: the owner (or whoever may change the customer) puts it back, into the named pool or the
   * one governing its owner, with a reason.
   */
  @jakarta.transaction.Transactional
  public CustomerView putBack(UUID id, PutBack request) {
    validator.valid(request);
    access.require(RESOURCE, dev.headlesscrm.platform.security.Action.UPDATE);
    Customer c = lockedLive(id);
    if (c.poolId != null) {
      // Put back already (a concurrent put-back won): the state, not a permission, says no.
      throw dev.headlesscrm.platform.state.StateMachine.already(RESOURCE, "IN_POOL");
    }
    requireWritable(c, dev.headlesscrm.platform.security.Action.UPDATE);
    PoolDirectory.Pool pool;
    if (request.poolId() != null) {
      pool =
          pools
              .byId(request.poolId())
              .filter(PoolDirectory.Pool::active)
              .filter(
                  p ->
                      administers(p)
                          || pools.isMember(
                              p, principal.resolve().id(), principal.resolve().departmentId()))
              .orElseThrow(
                  () ->
                      CrmException.invalidField(
                          "poolId",
                          "not-found",
                          Text.of("No such active pool of yours.", "没有此公海，或您不是其成员。")));
    } else {
      pool =
          pools
              .governing(c.ownerId, c.ownerDepartmentId)
              .orElseThrow(
                  () ->
                      CrmException.invalidField(
                          "poolId",
                          "required",
                          Text.of(
                              "No pool governs the owner: name the pool.", "负责人不属于任何公海，请指定公海。")));
    }
    return intoPool(c, pool, PUT_BACK, request.reason().trim());
  }

  /**
   * The return job's step for one customer: when it is still owned and due at {@code at} (its row
   * is locked here, or skipped while another replica holds it), it goes to the pool its rules name,
   * with the rule as the reason. Whether it was returned.
   */
  @jakarta.transaction.Transactional
  public boolean returnIfDue(UUID id, java.time.Instant at) {
    @SuppressWarnings("unchecked")
    List<Object> due =
        em.createNativeQuery(
                "SELECT id FROM customers WHERE id = ?1 AND deleted_at IS NULL"
                    + " AND pool_id IS NULL AND owner_id IS NOT NULL AND pool_return_at <= ?2"
                    + " FOR UPDATE SKIP LOCKED")
            .setParameter(1, id)
            .setParameter(2, java.sql.Timestamp.from(at))
            .getResultList();
    if (due.isEmpty()) {
      return false;
    }
    Customer c = em.find(Customer.class, id);
    em.refresh(c);
    java.util.Optional<PoolDirectory.Pool> pool = pools.byId(c.poolReturnPoolId);
    if (pool.isEmpty()) {
      return false;
    }
    UUID owner = c.ownerId;
    String rule = c.poolReturnRule;
    String criterion = c.poolReturnCriterion;
    intoPool(c, pool.get(), RETURNED, rule + ": " + criterion);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("poolId", pool.get().id().toString());
    data.put("rule", rule);
    data.put("criterion", criterion);
    notifications.send(
        owner,
        "pool-returned",
        RESOURCE,
        c.id,
        Text.of(
            "Customer "
                + c.name
                + " returned to the pool "
                + pool.get().name()
                + " ("
                + rule
                + ").",
            "客户 " + c.name + " 已按规则“" + rule + "”回收至公海 " + pool.get().name() + "。"),
        data);
    return true;
  }

  private CustomerView intoPool(Customer c, PoolDirectory.Pool pool, String action, String reason) {
    return reassign(
        c,
        new dev.headlesscrm.platform.records.TransferParticipant.Transfer(
            c.ownerId, null, null, null),
        INTO_POOL,
        action,
        x -> {
          x.previousOwnerId = x.ownerId;
          x.poolId = pool.id();
          x.poolEnteredAt = now();
          x.poolEntryReason = reason;
          x.hiddenFields = new ArrayList<>(pool.hiddenFields());
          x.ownedSince = null;
          x.locked = false;
          x.lockedAt = null;
          x.lockedById = null;
        });
  }

  /** 锁定: a locked customer stays with its owner unless a rule includes locked ones. */
  @jakarta.transaction.Transactional
  public CustomerView lock(UUID id) {
    Customer c = forUpdate(id);
    if (c.locked) {
      throw dev.headlesscrm.platform.state.StateMachine.already(RESOURCE, "LOCKED");
    }
    pools
        .governing(c.ownerId, c.ownerDepartmentId)
        .ifPresent(pool -> limits.checkLockCap(pool, c.ownerId));
    UUID by = principal.resolve().id();
    return act(
        c,
        LOCKED,
        x -> {
          x.locked = true;
          x.lockedAt = now();
          x.lockedById = by;
        });
  }

  @jakarta.transaction.Transactional
  public CustomerView unlock(UUID id) {
    Customer c = forUpdate(id);
    if (!c.locked) {
      throw dev.headlesscrm.platform.state.StateMachine.already(RESOURCE, "UNLOCKED");
    }
    return act(
        c,
        UNLOCKED,
        x -> {
          x.locked = false;
          x.lockedAt = null;
          x.lockedById = null;
        });
  }

  /**
   * 回收预览: the owned customers within the caller's data scope the rules return by {@code until}
   * (default: tonight, the coming midnight China time), earliest first, optionally of one pool.
   */
  public dev.headlesscrm.platform.api.Page<CustomerView> returnsDue(
      java.time.Instant until, UUID poolId, Integer limit, String cursor, Boolean count) {
    java.time.Instant by =
        until != null
            ? until
            : java.time.LocalDate.now(PoolLimits.ZONE)
                .plusDays(1)
                .atStartOfDay(PoolLimits.ZONE)
                .toInstant();
    String filter =
        "poolReturnAt=le=" + by + (poolId == null ? "" : ";poolReturnPoolId==" + poolId);
    return list(
        new dev.headlesscrm.platform.query.ListQuery(
            filter, null, List.of("poolReturnAt"), limit, cursor, null, null, count, null));
  }

  /** 客户全方位视图: the customer's timeline, newest first (the caller must read the customer). */
  @dev.headlesscrm.platform.persistence.ReadTransaction
  public dev.headlesscrm.platform.api.Page<dev.headlesscrm.platform.timeline.TimelineItem> timeline(
      UUID id, List<String> kinds, Integer limit, String cursor) {
    get(id);
    return timelines.page(id, kinds, limit, cursor);
  }

  /** The customer's figures as the caller may see them. */
  @dev.headlesscrm.platform.persistence.ReadTransaction
  public CustomerSummary summary(UUID id) {
    CustomerView c = get(id);
    dev.headlesscrm.platform.timeline.CustomerSalesFigures.Figures sales =
        salesFigures.isResolvable()
            ? salesFigures.get().of(id)
            : new dev.headlesscrm.platform.timeline.CustomerSalesFigures.Figures(0, List.of());
    String currency =
        settings.value(dev.headlesscrm.platform.settings.Setting.DEFAULT_CURRENCY).asText();
    dev.headlesscrm.platform.timeline.CustomerSalesFigures.Amounts main =
        sales.amounts().stream()
            .filter(a -> a.currency().equals(currency))
            .findFirst()
            .orElse(
                new dev.headlesscrm.platform.timeline.CustomerSalesFigures.Amounts(
                    currency, null, null, null, null, null, null));
    List<CustomerSummary.CurrencyAmounts> others =
        sales.amounts().stream()
            .filter(a -> !a.currency().equals(currency))
            .map(
                a ->
                    new CustomerSummary.CurrencyAmounts(
                        a.currency(),
                        a.openAmount(),
                        a.weightedAmount(),
                        a.contractTotal(),
                        a.received(),
                        a.outstanding(),
                        a.overdue()))
            .toList();
    long open = 0;
    long late = 0;
    if (access.allowed("task", dev.headlesscrm.platform.security.Action.READ)) {
      dev.headlesscrm.platform.query.SqlFragment scope = dataScope.condition("task", "t");
      List<Object> params = new ArrayList<>();
      params.add(now());
      params.add(id);
      params.addAll(scope.params());
      Object[] row =
          (Object[])
              engine
                  .nativeQuery(
                      new dev.headlesscrm.platform.query.SqlFragment(
                          "SELECT count(*), count(*) FILTER (WHERE t.due_at < ?) FROM tasks t"
                              + " WHERE t.customer_id = ? AND t.deleted_at IS NULL"
                              + " AND t.status = 'OPEN' AND ("
                              + scope.sql()
                              + ")",
                          params))
                  .getSingleResult();
      open = ((Number) row[0]).longValue();
      late = ((Number) row[1]).longValue();
    }
    return new CustomerSummary(
        c.id(),
        c.name(),
        c.lifecycleStage(),
        c.ownerId(),
        c.poolId(),
        shown("poolReturnAt", c.poolReturnAt()),
        sales.openOpportunities(),
        currency,
        main.openAmount(),
        main.weightedAmount(),
        main.contractTotal(),
        main.received(),
        main.outstanding(),
        main.overdue(),
        others,
        shown("lastFollowUpAt", c.lastFollowUpAt()),
        shown("lastFollowUpContent", c.lastFollowUpContent()),
        shown("nextFollowUpAt", c.nextFollowUpAt()),
        open,
        late);
  }

  private <T> T shown(String field, T value) {
    return fieldPolicy.hidden(RESOURCE, field) ? null : value;
  }

  /** The customers in a pool, for its members: the list rules, withheld fields not queryable. */
  @dev.headlesscrm.platform.persistence.ReadTransaction
  public dev.headlesscrm.platform.api.Page<CustomerView> inPool(
      UUID poolId, dev.headlesscrm.platform.query.ListQuery query) {
    access.require(RESOURCE, dev.headlesscrm.platform.security.Action.READ);
    PoolDirectory.Pool pool =
        pools
            .byId(poolId)
            .filter(p -> administers(p) || memberOfPool(p.id()))
            .orElseThrow(() -> CrmException.notFound("customer-pool", poolId));
    limits.refuseWithheld(pool, query);
    dev.headlesscrm.platform.query.QueryEngine.Slice<Customer> slice =
        engine.page(
            spec(),
            Customer.class,
            query,
            dev.headlesscrm.platform.query.SqlFragment.of(
                "t.pool_id = ? AND t.deleted_at IS NULL", poolId));
    return new dev.headlesscrm.platform.api.Page<>(
        slice.rows().stream().map(this::view).toList(), slice.page());
  }

  /**
   * Sets the customer's last and next follow-up from its latest live follow-up record (by
   * followedUpAt): a system action ({@code followed-up}) under the customer's row lock, so two
   * follow-ups written at once both count; nothing when the customer already agrees.
   */
  public void followedUp(UUID customerId) {
    if (customerId == null) {
      return;
    }
    Customer c =
        em.find(Customer.class, customerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (c == null || c.isDeleted()) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> latest =
        em.createNativeQuery(
                "SELECT followed_up_at, left(content, 500), owner_id, next_follow_up_at"
                    + " FROM follow_ups WHERE customer_id = ?1 AND deleted_at IS NULL"
                    + " ORDER BY followed_up_at DESC, id DESC LIMIT 1")
            .setParameter(1, customerId)
            .unwrap(org.hibernate.query.NativeQuery.class)
            .addSynchronizedQuerySpace("follow_ups")
            .getResultList();
    Object[] row = latest.isEmpty() ? new Object[4] : latest.get(0);
    java.time.Instant at = instant(row[0]);
    String content = (String) row[1];
    UUID by = (UUID) row[2];
    java.time.Instant next = instant(row[3]);
    if (java.util.Objects.equals(at, c.lastFollowUpAt)
        && java.util.Objects.equals(content, c.lastFollowUpContent)
        && java.util.Objects.equals(by, c.lastFollowUpById)
        && java.util.Objects.equals(next, c.nextFollowUpAt)) {
      return;
    }
    dev.headlesscrm.customer.domain.LifecycleRules.Thresholds thresholds =
        c.wonDeals > 0 ? thresholds() : null;
    act(
        c,
        "followed-up",
        x -> {
          x.lastFollowUpAt = at;
          x.lastFollowUpContent = content;
          x.lastFollowUpById = by;
          x.nextFollowUpAt = next;
          if (thresholds != null) {
            x.lifecycleStage = stageOf(x, thresholds, now());
          }
        });
  }

  private static java.time.Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return (java.time.Instant) value;
  }

  private void checkDictionaries(CustomerInput in) {
    Map<String, String> values = new HashMap<>();
    values.put("industry", in.industry());
    values.put("level", in.level());
    values.put("type", in.type());
    values.put("status", in.status());
    values.put("source", in.source());
    values.put("creditRating", in.creditRating());
    dictionaryCheck.requireActive(spec().dictionaries(), values);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
