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

  static final ZoneId ZONE = dev.headlesscrm.platform.api.BusinessTime.ZONE;

  @Inject AccessPolicy access;
  @Inject DataScope dataScope;
  @Inject FieldVisibility fields;
  @Inject EntityManager em;
  @Inject dev.headlesscrm.platform.query.QueryEngine engine;
  @Inject dev.headlesscrm.platform.settings.SettingsService settings;

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
    boolean opportunities = access.allowed("opportunity", Action.READ);
    boolean openShown = opportunities && !fields.hidden("opportunity", "amount");
    boolean contracts =
        access.allowed("contract", Action.READ) && !fields.hidden("contract", "amount");
    boolean receivedShown = contracts && !fields.hidden("contract", "receivedAmount");
    boolean plans = access.allowed("payment-plan", Action.READ);
    java.util.Map<String, BigDecimal[]> sums = new java.util.TreeMap<>();
    java.util.function.Function<String, BigDecimal[]> of =
        currency -> sums.computeIfAbsent(currency, c -> new BigDecimal[6]);
    of.apply(settings.value(dev.headlesscrm.platform.settings.Setting.DEFAULT_CURRENCY).asText());
    long openCount = 0;
    if (opportunities) {
      for (Object[] row :
          rows(
              "SELECT t.currency, count(*), sum(t.amount), sum(t.amount * s.probability / 100)"
                  + " FROM opportunities t JOIN pipeline_stages s ON s.id = t.stage_id"
                  + " WHERE t.customer_id = ? AND t.deleted_at IS NULL AND t.status = 'OPEN' AND ",
              " GROUP BY t.currency",
              customerId,
              "opportunity")) {
        openCount += ((Number) row[1]).longValue();
        BigDecimal[] s = of.apply((String) row[0]);
        s[0] = (BigDecimal) row[2];
        s[1] = (BigDecimal) row[3];
      }
    }
    if (contracts) {
      for (Object[] row :
          rows(
              "SELECT t.currency, sum(t.amount), sum(t.received_amount) FROM contracts t"
                  + " WHERE t.customer_id = ? AND t.deleted_at IS NULL"
                  + " AND t.status IN ('APPROVED', 'ACTIVE', 'COMPLETED') AND ",
              " GROUP BY t.currency",
              customerId,
              "contract")) {
        BigDecimal[] s = of.apply((String) row[0]);
        s[2] = (BigDecimal) row[1];
        s[3] = (BigDecimal) row[2];
      }
    }
    if (plans) {
      List<Object> params = new ArrayList<>();
      params.add(customerId);
      params.add(LocalDate.now(ZONE));
      SqlFragment scope = dataScope.condition("payment-plan", "t");
      params.addAll(scope.params());
      @SuppressWarnings("unchecked")
      List<Object[]> overdue =
          (List<Object[]>)
              (List<?>)
                  engine
                      .nativeQuery(
                          new SqlFragment(
                              "SELECT k.currency, sum(t.amount - t.received_amount) FROM payment_plans t"
                                  + " JOIN contracts k ON k.id = t.contract_id"
                                  + " WHERE k.customer_id = ? AND t.deleted_at IS NULL"
                                  + " AND t.due_date < ? AND t.status IN ('PENDING', 'PARTIAL', 'OVERDUE')"
                                  + " AND ("
                                  + scope.sql()
                                  + ") GROUP BY k.currency",
                              params))
                      .getResultList();
      for (Object[] row : overdue) {
        of.apply((String) row[0])[4] = (BigDecimal) row[1];
      }
    }
    List<Amounts> amounts = new ArrayList<>();
    sums.forEach(
        (currency, s) -> {
          BigDecimal total = contracts ? money(s[2]) : null;
          BigDecimal received = receivedShown ? money(s[3]) : null;
          amounts.add(
              new Amounts(
                  currency,
                  openShown ? money(s[0]) : null,
                  openShown ? money(s[1]) : null,
                  total,
                  received,
                  total == null || received == null
                      ? null
                      : total.subtract(received).max(BigDecimal.ZERO),
                  plans ? money(s[4]) : null));
        });
    return new Figures(openCount, amounts);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, String tail, UUID customerId, String resource) {
    SqlFragment scope = dataScope.condition(resource, "t");
    List<Object> params = new ArrayList<>();
    params.add(customerId);
    params.addAll(scope.params());
    return (List<Object[]>)
        (List<?>)
            engine
                .nativeQuery(new SqlFragment(sql + "(" + scope.sql() + ")" + tail, params))
                .getResultList();
  }

  private static BigDecimal money(Object value) {
    BigDecimal v = value == null ? BigDecimal.ZERO : (BigDecimal) value;
    return v.setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
