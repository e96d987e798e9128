package dev.headlesscrm.sales.shared.application;

import dev.headlesscrm.platform.query.FieldVisibility;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.DataScope;
import dev.headlesscrm.platform.timeline.CustomerSalesFigures;
import dev.headlesscrm.platform.timeline.TimelineSource;
import dev.headlesscrm.platform.timeline.Timelines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sales context's part of a customer's 360° view: opportunities, quotes, contracts and payments
 * on its timeline, and its sales figures for the summary, each within the caller's permissions and
 * data scope over that record kind.
 */
@ApplicationScoped
public class SalesTimeline implements CustomerSalesFigures {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Inject AccessPolicy access;
  @Inject DataScope dataScope;
  @Inject FieldVisibility fields;
  @Inject EntityManager em;
  @Inject dev.headlesscrm.platform.query.QueryEngine engine;

  @Produces
  TimelineSource opportunities() {
    return TimelineSource.of(
        "opportunity",
        customer ->
            branch(
                "opportunity",
                "SELECT t.created_at AS at, t.id AS id, 'opportunity' AS kind,"
                    + " 'opportunity' AS resource, t.id AS record_id,"
                    + " t.number || ' ' || t.name AS title, t.owner_id AS actor,"
                    + " jsonb_build_object('status', t.status, 'amount', "
                    + Timelines.visible(fields, "opportunity", "amount", "t.amount")
                    + ", 'currency', t.currency) AS detail FROM opportunities t"
                    + " WHERE t.customer_id = ? AND t.deleted_at IS NULL AND ",
                customer));
  }

  @Produces
  TimelineSource quotes() {
    return TimelineSource.of(
        "quote",
        customer ->
            branch(
                "quote",
                "SELECT t.created_at AS at, t.id AS id, 'quote' AS kind, 'quote' AS resource,"
                    + " t.id AS record_id, t.number || ' ' || t.name AS title,"
                    + " t.owner_id AS actor, jsonb_build_object('status', t.status,"
                    + " 'revision', t.revision, 'grandTotal', "
                    + Timelines.visible(fields, "quote", "grandTotal", "t.grand_total")
                    + ") AS detail FROM quotes t"
                    + " WHERE t.customer_id = ? AND t.deleted_at IS NULL AND ",
                customer));
  }

  @Produces
  TimelineSource contracts() {
    return TimelineSource.of(
        "contract",
        customer ->
            branch(
                "contract",
                "SELECT t.created_at AS at, t.id AS id, 'contract' AS kind,"
                    + " 'contract' AS resource, t.id AS record_id,"
                    + " t.number || ' ' || t.name AS title, t.owner_id AS actor,"
                    + " jsonb_build_object('status', t.status, 'amount', "
                    + Timelines.visible(fields, "contract", "amount", "t.amount")
                    + ", 'signingDate', t.signing_date, 'endDate', t.end_date) AS detail"
                    + " FROM contracts t WHERE t.customer_id = ? AND t.deleted_at IS NULL AND ",
                customer));
  }

  @Produces
  TimelineSource payments() {
    return TimelineSource.of(
        "payment",
        customer ->
            branch(
                "payment",
                "SELECT t.created_at AS at, t.id AS id, 'payment' AS kind,"
                    + " 'payment' AS resource, t.id AS record_id, t.number AS title,"
                    + " t.owner_id AS actor, jsonb_build_object('status', t.status,"
                    + " 'amount', "
                    + Timelines.visible(fields, "payment", "amount", "t.amount")
                    + ", 'paidOn', t.paid_on, 'contractId', t.contract_id) AS detail"
                    + " FROM payments t JOIN contracts k ON k.id = t.contract_id"
                    + " WHERE k.customer_id = ? AND t.deleted_at IS NULL AND ",
                customer));
  }

  private Optional<SqlFragment> branch(String resource, String sql, UUID customer) {
    if (!access.allowed(resource, Action.READ)) {
      return Optional.empty();
    }
    return Optional.of(TimelineSource.branch(sql, customer, dataScope.condition(resource, "t")));
  }

  // --- The summary's figures -----------------------------------------------------------

  @Override
  public Figures of(UUID customerId) {
    long openCount = 0;
    BigDecimal openAmount = null;
    BigDecimal weighted = null;
    if (access.allowed("opportunity", Action.READ)) {
      Object[] row =
          one(
              "SELECT count(*), sum(t.amount), sum(t.amount * s.probability / 100)"
                  + " FROM opportunities t JOIN pipeline_stages s ON s.id = t.stage_id"
                  + " WHERE t.customer_id = ? AND t.deleted_at IS NULL AND t.status = 'OPEN' AND ",
              customerId,
              "opportunity");
      openCount = ((Number) row[0]).longValue();
      if (!fields.hidden("opportunity", "amount")) {
        openAmount = money(row[1]);
        weighted = money(row[2]);
      }
    }
    BigDecimal total = null;
    BigDecimal received = null;
    BigDecimal overdue = null;
    if (access.allowed("contract", Action.READ) && !fields.hidden("contract", "amount")) {
      Object[] row =
          one(
              "SELECT sum(t.amount), sum(t.received_amount) FROM contracts t"
                  + " WHERE t.customer_id = ? AND t.deleted_at IS NULL"
                  + " AND t.status IN ('APPROVED', 'ACTIVE', 'COMPLETED') AND ",
              customerId,
              "contract");
      total = money(row[0]);
      received = fields.hidden("contract", "receivedAmount") ? null : money(row[1]);
    }
    if (access.allowed("payment-plan", Action.READ)) {
      List<Object> params = new ArrayList<>();
      params.add(customerId);
      params.add(LocalDate.now(ZONE));
      SqlFragment scope = dataScope.condition("payment-plan", "t");
      params.addAll(scope.params());
      Object[] row =
          (Object[])
              engine
                  .nativeQuery(
                      new SqlFragment(
                          "SELECT sum(t.amount - t.received_amount), count(*) FROM payment_plans t"
                              + " JOIN contracts k ON k.id = t.contract_id"
                              + " WHERE k.customer_id = ? AND t.deleted_at IS NULL"
                              + " AND t.due_date < ? AND t.status IN ('PENDING', 'PARTIAL', 'OVERDUE')"
                              + " AND ("
                              + scope.sql()
                              + ")",
                          params))
                  .getSingleResult();
      overdue = money(row[0]);
    }
    BigDecimal outstanding =
        total == null || received == null ? null : total.subtract(received).max(BigDecimal.ZERO);
    return new Figures(openCount, openAmount, weighted, total, received, outstanding, overdue);
  }

  private Object[] one(String sql, UUID customerId, String resource) {
    SqlFragment scope = dataScope.condition(resource, "t");
    List<Object> params = new ArrayList<>();
    params.add(customerId);
    params.addAll(scope.params());
    return (Object[])
        engine
            .nativeQuery(new SqlFragment(sql + "(" + scope.sql() + ")", params))
            .getSingleResult();
  }

  private static BigDecimal money(Object value) {
    BigDecimal v = value == null ? BigDecimal.ZERO : (BigDecimal) value;
    return v.setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
