package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Customer;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.query.ListQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public pool's limits on taking customers: the daily claim limit, the ownership cap (拥有上限),
 * the previous owner's cooling-off days and the cap on locked customers. Each check runs under a
 * transaction-long lock on the employee it counts for, so two claims by one employee at once cannot
 * both slip under a limit. A refusal is a 409 problem naming the limit, its value and the count.
 */
@ApplicationScoped
public class PoolLimits {

  static final ZoneId ZONE = ZoneId.of(PoolReturnRules.ZONE);

  /** The selector names of a filter ({@code mainPhone==1;city=in=(a,b)}). */
  private static final Pattern SELECTOR =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*(==|!=|=[a-z]+=)");

  @Inject EntityManager em;

  /** Claims of the day, the cap, and cooling-off for a claim by {@code employee}. */
  void checkClaim(PoolDirectory.Pool pool, Customer c, UUID employee) {
    lockEmployee(employee);
    if (employee.equals(c.previousOwnerId)
        && pool.coolingOffDays() > 0
        && c.poolEnteredAt != null) {
      Instant until = c.poolEnteredAt.plus(java.time.Duration.ofDays(pool.coolingOffDays()));
      if (Clock.now().isBefore(until)) {
        throw refused(
            "cooling-off",
            pool.coolingOffDays(),
            null,
            Text.of(
                "You owned this customer until it entered the pool; you may claim it again from "
                    + until
                    + ".",
                "该客户刚从您名下进入公海，冷却期内不能再次领取（" + until + " 之后可领取）。"),
            Map.of("availableAt", until.toString()));
      }
    }
    if (pool.dailyClaimLimit() != null) {
      Instant dayStart = LocalDate.now(ZONE).atStartOfDay(ZONE).toInstant();
      long today =
          ((Number)
                  em.createNativeQuery(
                          "SELECT count(*) FROM customer_pool_claims WHERE employee_id = ?1"
                              + " AND pool_id = ?2 AND kind = ?3 AND at >= ?4")
                      .setParameter(1, employee)
                      .setParameter(2, pool.id())
                      .setParameter(3, CustomerService.CLAIMED)
                      .setParameter(4, Timestamp.from(dayStart))
                      .getSingleResult())
              .longValue();
      if (today >= pool.dailyClaimLimit()) {
        throw refused(
            "daily-claim-limit",
            pool.dailyClaimLimit(),
            today,
            Text.of(
                "You have claimed " + today + " customers from this pool today, its daily limit.",
                "您今天已从该公海领取 " + today + " 个客户，已达每日上限。"),
            Map.of());
      }
    }
    checkCap(pool, employee);
  }

  /** 拥有上限: how many customers the employee may own (won ones counted if the pool says so). */
  void checkCap(PoolDirectory.Pool pool, UUID employee) {
    lockEmployee(employee);
    if (pool.ownershipCap() == null) {
      return;
    }
    long owned =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM customers WHERE owner_id = ?1 AND deleted_at IS NULL"
                            + (pool.capCountsWon() ? "" : " AND status IS DISTINCT FROM 'WON'"))
                    .setParameter(1, employee)
                    .getSingleResult())
            .longValue();
    if (owned >= pool.ownershipCap()) {
      throw refused(
          "ownership-cap",
          pool.ownershipCap(),
          owned,
          Text.of(
              "The employee owns " + owned + " customers, the pool's cap.",
              "该员工已拥有 " + owned + " 个客户，已达拥有上限。"),
          Map.of());
    }
  }

  /** The cap on customers one owner keeps locked. */
  void checkLockCap(PoolDirectory.Pool pool, UUID owner) {
    if (pool.lockCap() == null || owner == null) {
      return;
    }
    lockEmployee(owner);
    long locked =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM customers WHERE owner_id = ?1 AND locked"
                            + " AND deleted_at IS NULL")
                    .setParameter(1, owner)
                    .getSingleResult())
            .longValue();
    if (locked >= pool.lockCap()) {
      throw refused(
          "lock-cap",
          pool.lockCap(),
          locked,
          Text.of(
              "The owner has " + locked + " locked customers, the pool's cap.",
              "负责人已锁定 " + locked + " 个客户，已达锁定上限。"),
          Map.of());
    }
  }

  void recordClaim(PoolDirectory.Pool pool, UUID customer, UUID employee, String kind, UUID by) {
    em.createNativeQuery(
            "INSERT INTO customer_pool_claims (pool_id, customer_id, employee_id, kind, at, by_id)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, pool.id())
        .setParameter(2, customer)
        .setParameter(3, employee)
        .setParameter(4, kind)
        .setParameter(5, Timestamp.from(Clock.now()))
        .setParameter(6, by)
        .executeUpdate();
  }

  /**
   * A pool's withheld fields cannot be filtered, sorted or searched on (that would reveal them).
   */
  void refuseWithheld(PoolDirectory.Pool pool, ListQuery query) {
    if (pool.hiddenFields().isEmpty()) {
      return;
    }
    if (query.q() != null && !query.q().isBlank()) {
      throw CrmException.invalidParameter(
          "q",
          "withheld",
          Text.of(
              "Free-text search would reveal fields this pool withholds; filter by name instead.",
              "全文搜索会泄露公海隐藏的字段，请按名称筛选。"));
    }
    if (query.filter() != null) {
      Matcher m = SELECTOR.matcher(query.filter());
      while (m.find()) {
        refuseIfWithheld(pool, "filter", m.group(1));
      }
    }
    if (query.sort() != null) {
      for (String key : query.sort()) {
        refuseIfWithheld(pool, "sort", key.startsWith("-") ? key.substring(1) : key);
      }
    }
  }

  private static void refuseIfWithheld(PoolDirectory.Pool pool, String parameter, String field) {
    String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
    if (pool.hiddenFields().contains(top)) {
      throw CrmException.invalidParameter(
          parameter,
          "withheld",
          Text.of(
              "'" + top + "' is withheld while customers are in this pool.",
              "公海客户的 '" + top + "' 字段已隐藏，不能用于查询。"));
    }
  }

  /** Serialises the limit checks of one employee until the transaction ends. */
  private void lockEmployee(UUID employee) {
    em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(?1, hashtext(?2)) AS text)")
        .setParameter(1, 0x504F4F4C)
        .setParameter(2, employee.toString())
        .getSingleResult();
  }

  private static CrmException refused(
      String limit, Integer max, Long current, Text detail, Map<String, Object> more) {
    Map<String, Object> extensions = new java.util.LinkedHashMap<>();
    extensions.put("limit", limit);
    extensions.put("max", max);
    if (current != null) {
      extensions.put("current", current);
    }
    extensions.putAll(more);
    return new CrmException(ProblemType.CONFLICT, detail, List.of(), extensions);
  }
}
