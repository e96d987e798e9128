package dev.headlesscrm.platform.numbering;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class NumberingRuleRepository implements PanacheRepositoryBase<NumberingRule, String> {

  /**
   * The rule, share-locked until the allocating transaction ends: a concurrent change of the reset
   * policy waits for allocations in progress, so the counter it carries over has seen them all.
   */
  public Optional<NumberingRule> findForAllocation(String ruleKey) {
    return findByIdOptional(ruleKey, LockModeType.PESSIMISTIC_READ);
  }

  /** Rules in key order after {@code afterKey} (null: from the first), one more than asked. */
  public List<NumberingRule> pageAfter(String afterKey, int limit) {
    var query =
        afterKey == null
            ? find("order by ruleKey")
            : find("ruleKey > ?1 order by ruleKey", afterKey);
    return query.range(0, limit).list();
  }

  /**
   * Adds one to the rule's counter for a period and returns the new value, creating the counter at
   * 1. One atomic statement: concurrent callers queue on the counter row and each gets its own
   * value.
   */
  public long increment(String ruleKey, String period) {
    return increment(ruleKey, period, 1);
  }

  /**
   * Adds {@code count} to the rule's counter for a period and returns the new value: the caller
   * owns the block {@code value - count + 1 .. value}.
   */
  public long increment(String ruleKey, String period, int count) {
    Number value =
        (Number)
            getEntityManager()
                .createNativeQuery(
                    "INSERT INTO numbering_counters (rule_key, period, value, updated_at)"
                        + " VALUES (:rule, :period, :count, now())"
                        + " ON CONFLICT (rule_key, period)"
                        + " DO UPDATE SET value = numbering_counters.value + :count,"
                        + " updated_at = now()"
                        + " RETURNING value")
                .setParameter("rule", ruleKey)
                .setParameter("period", period)
                .setParameter("count", count)
                .getSingleResult();
    return value.longValue();
  }

  /** The last value a period's counter handed out, 0 when none yet. */
  public long current(String ruleKey, String period) {
    List<?> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT value FROM numbering_counters WHERE rule_key = :rule AND period = :period")
            .setParameter("rule", ruleKey)
            .setParameter("period", period)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
  }

  /** The highest value any of the rule's counters has handed out, 0 when none yet. */
  public long highest(String ruleKey) {
    Number value =
        (Number)
            getEntityManager()
                .createNativeQuery(
                    "SELECT coalesce(max(value), 0) FROM numbering_counters WHERE rule_key = :rule")
                .setParameter("rule", ruleKey)
                .getSingleResult();
    return value.longValue();
  }

  /**
   * Raises a period's counter to at least the highest value the rule ever handed out, so that a
   * changed reset policy cannot restart today's sequence below numbers already issued today.
   */
  public void carryOver(String ruleKey, String period) {
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO numbering_counters (rule_key, period, value, updated_at)"
                + " SELECT :rule, :period, max(value), now() FROM numbering_counters"
                + " WHERE rule_key = :rule HAVING max(value) IS NOT NULL"
                + " ON CONFLICT (rule_key, period) DO UPDATE"
                + " SET value = greatest(numbering_counters.value, excluded.value),"
                + " updated_at = now()")
        .setParameter("rule", ruleKey)
        .setParameter("period", period)
        .executeUpdate();
  }
}
