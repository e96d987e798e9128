package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.PoolCriterion;
import dev.headlesscrm.customer.domain.PoolRule;
import dev.headlesscrm.platform.query.FilterCompiler;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.SqlFragment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The pools' return rules as one SQL computation over a customer row (alias {@code t}): which pool
 * governs its owner (the first active one, by priority, whose members include the owner), and the
 * earliest time one of that pool's rules returns it, with the pool, rule and criterion. The same
 * computation keeps one customer current on its every write and finds every customer a changed rule
 * moves, so the stored {@code pool_return_at} is always what the rules say.
 */
@ApplicationScoped
public class PoolReturnRules {

  /** The business day (contract end dates are days there). */
  static final String ZONE = dev.headlesscrm.platform.api.BusinessTime.ZONE_ID;

  @Inject PoolDirectory pools;
  @Inject ResourceRegistry registry;

  /**
   * {@code SELECT <key>, at, pool_id, rule, criterion FROM customers t ... WHERE <where>}: the
   * computed return of every customer the condition selects (all four null where no rule applies).
   */
  public SqlFragment select(String key, SqlFragment where) {
    List<Object> governingParams = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    StringBuilder governing = new StringBuilder("CASE");
    StringBuilder rows = new StringBuilder();
    int k = 0;
    for (PoolDirectory.Pool pool : pools.all()) {
      if (!pool.active()) {
        continue;
      }
      k++;
      governing.append(" WHEN ");
      member(governing, governingParams, pool);
      governing.append(" THEN ").append(k);
      for (PoolRule rule : pool.rules()) {
        criterion(
            rows, params, k, pool, rule, PoolCriterion.NO_FOLLOW_UP, rule.daysWithoutFollowUp());
        criterion(
            rows, params, k, pool, rule, PoolCriterion.NO_WON_DEAL, rule.daysWithoutWonDeal());
        criterion(
            rows, params, k, pool, rule, PoolCriterion.CONTRACT_ENDED, rule.daysAfterContractEnd());
      }
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(key);
    if (rows.isEmpty()) {
      sql.append(
          ", CAST(NULL AS timestamptz) AS at, CAST(NULL AS uuid) AS pool_id,"
              + " CAST(NULL AS text) AS rule, CAST(NULL AS text) AS criterion"
              + " FROM customers t WHERE ");
      return new SqlFragment(sql + where.sql(), where.params());
    }
    sql.append(", r.at, r.pool_id, r.rule, r.criterion FROM customers t")
        .append(" CROSS JOIN LATERAL (SELECT ")
        .append(governing)
        .append(" END AS k) g")
        .append(" LEFT JOIN LATERAL (SELECT c.at, c.pool_id, c.rule, c.criterion FROM (VALUES ")
        .append(rows)
        .append(") AS c(at, pool_id, rule, criterion) WHERE c.at IS NOT NULL")
        .append(" ORDER BY c.at, c.rule LIMIT 1) r ON TRUE WHERE ")
        .append(where.sql());
    List<Object> all = new ArrayList<>(governingParams);
    all.addAll(params);
    all.addAll(where.params());
    return new SqlFragment(sql.toString(), all);
  }

  private void member(StringBuilder sql, List<Object> params, PoolDirectory.Pool pool) {
    Set<UUID> employees = new java.util.HashSet<>(pool.memberEmployeeIds());
    employees.addAll(pool.adminIds());
    Set<UUID> departments = pools.memberDepartments(pool);
    sql.append("(t.owner_id IS NOT NULL AND (FALSE");
    if (!employees.isEmpty()) {
      sql.append(" OR t.owner_id IN (").append(marks(employees.size())).append(")");
      params.addAll(employees);
    }
    if (!departments.isEmpty()) {
      sql.append(" OR t.owner_department_id IN (").append(marks(departments.size())).append(")");
      params.addAll(departments);
    }
    sql.append("))");
  }

  private void criterion(
      StringBuilder rows,
      List<Object> params,
      int k,
      PoolDirectory.Pool pool,
      PoolRule rule,
      PoolCriterion criterion,
      Integer days) {
    if (days == null) {
      return;
    }
    if (!rows.isEmpty()) {
      rows.append(", ");
    }
    rows.append("(CASE WHEN g.k = ").append(k);
    if (!rule.levels().isEmpty()) {
      rows.append(" AND t.level IN (").append(marks(rule.levels().size())).append(")");
      params.addAll(rule.levels());
    }
    if (rule.filter() != null && !rule.filter().isBlank()) {
      SqlFragment filter =
          FilterCompiler.compile(registry, CustomerResources.CUSTOMERS, rule.filter());
      rows.append(" AND (").append(filter.sql()).append(")");
      params.addAll(filter.params());
    }
    if (!rule.includeLocked()) {
      rows.append(" AND NOT t.locked");
    }
    if (!rule.includeWon()) {
      rows.append(" AND t.status IS DISTINCT FROM 'WON'");
    }
    rows.append(" THEN ");
    switch (criterion) {
      case NO_FOLLOW_UP ->
          rows.append(
              "GREATEST(t.last_follow_up_at, COALESCE(t.owned_since, t.created_at))"
                  + " + make_interval(days => CAST(? AS integer))");
      case NO_WON_DEAL ->
          rows.append(
              "GREATEST(t.last_won_at, COALESCE(t.owned_since, t.created_at))"
                  + " + make_interval(days => CAST(? AS integer))");
      case CONTRACT_ENDED ->
          rows.append(
              "CAST(t.last_contract_end_on + CAST(? AS integer) + 1 AS timestamp) AT TIME ZONE '"
                  + ZONE
                  + "'");
    }
    params.add(days);
    rows.append(" END, CAST(? AS uuid), CAST(? AS text), CAST(? AS text))");
    params.add(pool.id());
    params.add(rule.name());
    params.add(criterion.name());
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
