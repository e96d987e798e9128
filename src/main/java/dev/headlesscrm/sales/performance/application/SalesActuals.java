package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.sales.performance.domain.SalesTargetMetric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What was sold and collected, as commissions and targets count it, read in SQL. A contract counts
 * once approved (APPROVED, ACTIVE or COMPLETED; not voided or terminated), on its signing date, or
 * the day it was approved when it has none; a payment once APPROVED, on the day it was paid; a new
 * customer on the day it was created (China Standard Time).
 */
@ApplicationScoped
class SalesActuals {

  static final ZoneId ZONE = dev.headlesscrm.platform.api.BusinessTime.ZONE;

  /** The day a contract counts on (alias c): its signing date, else its approval day. */
  static final String CONTRACT_DAY =
      "COALESCE(c.signing_date, (SELECT CAST(min(h.occurred_at) AT TIME ZONE '"
          + dev.headlesscrm.platform.api.BusinessTime.ZONE_ID
          + "' AS"
          + " date) FROM history_entries h WHERE h.resource = 'contract' AND h.resource_id = c.id"
          + " AND h.action = 'approved'))";

  static final String COUNTED_CONTRACT =
      "c.deleted_at IS NULL AND c.status IN ('APPROVED', 'ACTIVE', 'COMPLETED')";

  @Inject EntityManager em;

  /** An approved contract in a period. */
  record ContractRow(UUID id, String number, BigDecimal amount, String currency) {}

  /** An approved payment in a period, with its contract. */
  record PaymentRow(UUID id, String number, BigDecimal amount, UUID contractId, String currency) {}

  /** A contract line's product and total. */
  record LineRow(UUID productId, BigDecimal total) {}

  /** A contract's owner and the day it counts on (null until approved without signing date). */
  record ContractDay(UUID ownerId, LocalDate day) {}

  @SuppressWarnings("unchecked")
  java.util.Optional<ContractDay> contractDay(UUID contractId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.owner_id, " + CONTRACT_DAY + " FROM contracts c WHERE c.id = ?1")
            .setParameter(1, contractId)
            .getResultList();
    return rows.stream().findFirst().map(r -> new ContractDay((UUID) r[0], date(r[1])));
  }

  static LocalDate date(Object value) {
    return value == null
        ? null
        : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }

  /** The counted contracts the employee owns that count in [from, until). */
  @SuppressWarnings("unchecked")
  List<ContractRow> contracts(UUID owner, LocalDate from, LocalDate until) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.id, c.number, c.amount, c.currency FROM contracts c WHERE c.owner_id = ?1"
                    + " AND "
                    + COUNTED_CONTRACT
                    + " AND "
                    + CONTRACT_DAY
                    + " >= ?2 AND "
                    + CONTRACT_DAY
                    + " < ?3 ORDER BY c.id")
            .setParameter(1, owner)
            .setParameter(2, from)
            .setParameter(3, until)
            .getResultList();
    return rows.stream()
        .map(r -> new ContractRow((UUID) r[0], (String) r[1], (BigDecimal) r[2], (String) r[3]))
        .toList();
  }

  /** The approved payments the employee owns paid in [from, until). */
  @SuppressWarnings("unchecked")
  List<PaymentRow> payments(UUID owner, LocalDate from, LocalDate until) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.id, p.number, p.amount, p.contract_id, c.currency FROM payments p"
                    + " JOIN contracts c ON c.id = p.contract_id WHERE p.owner_id = ?1"
                    + " AND p.deleted_at IS NULL AND p.status = 'APPROVED'"
                    + " AND p.paid_on >= ?2 AND p.paid_on < ?3 ORDER BY p.id")
            .setParameter(1, owner)
            .setParameter(2, from)
            .setParameter(3, until)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new PaymentRow(
                    (UUID) r[0], (String) r[1], (BigDecimal) r[2], (UUID) r[3], (String) r[4]))
        .toList();
  }

  /** The lines of these contracts, by contract. */
  @SuppressWarnings("unchecked")
  Map<UUID, List<LineRow>> lines(Collection<UUID> contracts) {
    Map<UUID, List<LineRow>> out = new LinkedHashMap<>();
    if (contracts.isEmpty()) {
      return out;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT contract_id, product_id, total FROM contract_lines"
                    + " WHERE contract_id IN (?1) ORDER BY contract_id, position")
            .setParameter(1, contracts)
            .getResultList();
    for (Object[] r : rows) {
      out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
          .add(new LineRow((UUID) r[1], (BigDecimal) r[2]));
    }
    return out;
  }

  /** Employees with contracts or payments counting in [from, until), or commissions of period. */
  @SuppressWarnings("unchecked")
  Set<UUID> earners(LocalDate from, LocalDate until, String period) {
    List<UUID> ids =
        em.createNativeQuery(
                "SELECT c.owner_id FROM contracts c WHERE c.owner_id IS NOT NULL AND "
                    + COUNTED_CONTRACT
                    + " AND "
                    + CONTRACT_DAY
                    + " >= ?1 AND "
                    + CONTRACT_DAY
                    + " < ?2"
                    + " UNION SELECT p.owner_id FROM payments p WHERE p.owner_id IS NOT NULL"
                    + " AND p.deleted_at IS NULL AND p.status = 'APPROVED'"
                    + " AND p.paid_on >= ?1 AND p.paid_on < ?2"
                    + " UNION SELECT m.owner_id FROM commissions m WHERE m.period = ?3"
                    + " AND m.deleted_at IS NULL",
                UUID.class)
            .setParameter(1, from)
            .setParameter(2, until)
            .setParameter(3, period)
            .getResultList();
    return new java.util.LinkedHashSet<>(ids);
  }

  /**
   * The actual of a metric in [from, until) for one employee (records they own) or for departments
   * (records owned within them).
   */
  BigDecimal actual(
      SalesTargetMetric metric,
      UUID employee,
      Collection<UUID> departments,
      LocalDate from,
      LocalDate until) {
    String owned = employee != null ? "owner_id = ?1" : "owner_department_id IN (?1)";
    Object subject = employee != null ? employee : departments;
    String sql =
        switch (metric) {
          case CONTRACT_AMOUNT ->
              "SELECT COALESCE(sum(c.amount), 0) FROM contracts c WHERE c."
                  + owned
                  + " AND "
                  + COUNTED_CONTRACT
                  + " AND "
                  + CONTRACT_DAY
                  + " >= ?2 AND "
                  + CONTRACT_DAY
                  + " < ?3";
          case PAYMENTS_RECEIVED ->
              "SELECT COALESCE(sum(p.amount), 0) FROM payments p JOIN contracts c"
                  + " ON c.id = p.contract_id WHERE c."
                  + owned
                  + " AND p.deleted_at IS NULL AND p.status = 'APPROVED'"
                  + " AND p.paid_on >= ?2 AND p.paid_on < ?3";
          case NEW_CUSTOMERS ->
              "SELECT CAST(count(*) AS numeric) FROM customers c WHERE c."
                  + owned
                  + " AND c.deleted_at IS NULL"
                  + " AND c.created_at >= CAST(?2 AS timestamp) AT TIME ZONE '"
                  + dev.headlesscrm.platform.api.BusinessTime.ZONE_ID
                  + "'"
                  + " AND c.created_at < CAST(?3 AS timestamp) AT TIME ZONE '"
                  + dev.headlesscrm.platform.api.BusinessTime.ZONE_ID
                  + "'";
        };
    if (employee == null && departments.isEmpty()) {
      return BigDecimal.ZERO;
    }
    Object result =
        em.createNativeQuery(sql)
            .setParameter(1, subject)
            .setParameter(2, from)
            .setParameter(3, until)
            .getSingleResult();
    return (BigDecimal) result;
  }
}
