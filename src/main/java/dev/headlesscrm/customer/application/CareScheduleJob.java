package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.CareSchedule;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.persistence.OneReplica;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs the care schedules (关怀计划) for a day: for each active schedule, the occasions falling {@code
 * daysBefore} days ahead — birthdays of contacts and individual customers, customers'
 * anniversaries, their latest contract's end — each get one care task for the customer's owner. The
 * (schedule, record, date) run row is written first ({@code ON CONFLICT DO NOTHING}), so a second
 * run, on this replica or another, plans nothing twice.
 */
@ApplicationScoped
public class CareScheduleJob {

  private static final Logger LOG = Logger.getLogger(CareScheduleJob.class);
  private static final long LOCK_KEY = 0x434152455343484CL;
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  @Inject EntityManager em;
  @Inject TaskService tasks;
  @Inject OneReplica replicas;

  @Scheduled(
      identity = "care-schedules",
      every = "${crm.care.schedule-every:1h}",
      delayed = "${crm.pool.return-delay:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int planned = run(LocalDate.now(PoolLimits.ZONE));
    if (planned > 0) {
      LOG.infof("Care schedules: %d care tasks planned", planned);
    }
  }

  /** Plans the care tasks of {@code today}; how many (-1 when another replica runs). */
  public int run(LocalDate today) {
    return replicas
        .run(
            LOCK_KEY,
            () -> {
              List<CareSchedule> schedules =
                  QuarkusTransaction.requiringNew()
                      .call(
                          () ->
                              em.createQuery(
                                      "from CareSchedule s where s.deletedAt is null and s.active"
                                          + " order by s.id",
                                      CareSchedule.class)
                                  .getResultList());
              int planned = 0;
              for (CareSchedule s : schedules) {
                planned += QuarkusTransaction.requiringNew().call(() -> plan(s, today));
              }
              return planned;
            })
        .orElse(-1);
  }

  private int plan(CareSchedule s, LocalDate today) {
    LocalDate on = today.plusDays(s.daysBefore);
    List<String> days = new ArrayList<>(List.of(on.format(MONTH_DAY)));
    if (on.getMonthValue() == 2 && on.getDayOfMonth() == 28 && !on.isLeapYear()) {
      days.add("02-29");
    }
    List<Object[]> due = new ArrayList<>();
    switch (s.occasion) {
      case BIRTHDAY -> {
        due.addAll(
            rows(
                "SELECT t.id, t.customer_id, c.owner_id, t.name, 'contact' FROM contacts t"
                    + " JOIN customers c ON c.id = t.customer_id WHERE t.deleted_at IS NULL"
                    + " AND c.deleted_at IS NULL AND c.owner_id IS NOT NULL"
                    + " AND to_char(t.birthday, 'MM-DD') IN (:days)",
                days,
                on));
        due.addAll(
            rows(
                "SELECT t.id, t.id, t.owner_id, t.name, 'customer' FROM customers t"
                    + " WHERE t.deleted_at IS NULL AND t.owner_id IS NOT NULL"
                    + " AND t.type = 'INDIVIDUAL' AND to_char(t.birthday, 'MM-DD') IN (:days)",
                days,
                on));
      }
      case ANNIVERSARY ->
          due.addAll(
              rows(
                  "SELECT t.id, t.id, t.owner_id, t.name, 'customer' FROM customers t"
                      + " WHERE t.deleted_at IS NULL AND t.owner_id IS NOT NULL"
                      + " AND t.registered_at < :on"
                      + " AND to_char(t.registered_at, 'MM-DD') IN (:days)",
                  days,
                  on));
      case CONTRACT_END ->
          due.addAll(
              rows(
                  "SELECT t.id, t.id, t.owner_id, t.name, 'customer' FROM customers t"
                      + " WHERE t.deleted_at IS NULL AND t.owner_id IS NOT NULL"
                      + " AND t.last_contract_end_on = :on",
                  days,
                  on));
      default -> {
        // Not dated: no schedule takes them (refused when written).
      }
    }
    int planned = 0;
    for (Object[] row : due) {
      UUID record = (UUID) row[0];
      int claimed =
          em.createNativeQuery(
                  "INSERT INTO care_schedule_runs (schedule_id, record_id, on_date, created_at)"
                      + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
              .setParameter(1, s.id)
              .setParameter(2, record)
              .setParameter(3, on)
              .setParameter(4, Timestamp.from(Clock.now()))
              .executeUpdate();
      if (claimed == 0) {
        continue;
      }
      Map<String, Object> why = new LinkedHashMap<>();
      why.put("careScheduleId", s.id.toString());
      why.put("occasion", s.occasion.name());
      why.put("careKind", s.careKind);
      why.put("on", on.toString());
      UUID task =
          tasks.plan(
              (UUID) row[2],
              s.taskSubject + "：" + row[3],
              (String) row[4],
              record,
              (UUID) row[1],
              on.atStartOfDay(PoolLimits.ZONE).toInstant(),
              why);
      em.createNativeQuery(
              "UPDATE care_schedule_runs SET task_id = ?1"
                  + " WHERE schedule_id = ?2 AND record_id = ?3 AND on_date = ?4")
          .setParameter(1, task)
          .setParameter(2, s.id)
          .setParameter(3, record)
          .setParameter(4, on)
          .executeUpdate();
      planned++;
    }
    return planned;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, List<String> days, LocalDate on) {
    var query = em.createNativeQuery(sql);
    if (sql.contains(":days")) {
      query.setParameter("days", days);
    }
    if (sql.contains(":on")) {
      query.setParameter("on", on);
    }
    return query.getResultList();
  }
}
