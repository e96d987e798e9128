package dev.headlesscrm.customer.application;

import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.notifications.Reminder;
import dev.headlesscrm.platform.notifications.ReminderSource;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.DataScope;
import dev.headlesscrm.platform.security.FieldPolicy;
import dev.headlesscrm.platform.security.PrincipalKind;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The customer context's reminders: contacts' birthdays (客户关怀), next follow-ups due, the caller's
 * tasks due, and owned customers returning to the public pool. Each reads through the same data
 * scope and field permissions as the lists.
 */
@ApplicationScoped
public class CustomerReminders {

  static final ZoneId ZONE = PoolLimits.ZONE;

  /** Lead days of the kinds without a system parameter of their own. */
  static final int DEFAULT_DAYS = 3;

  @Inject EntityManager em;
  @Inject CustomerService customers;
  @Inject TaskService tasks;
  @Inject DataScope dataScope;
  @Inject FieldPolicy fields;
  @Inject AccessPolicy access;
  @Inject SettingsService settings;
  @Inject CurrentPrincipal principal;
  @Inject dev.headlesscrm.platform.query.QueryEngine engine;
  @Inject PoolDirectory pools;

  @Produces
  ReminderSource birthdays() {
    return ReminderSource.of("birthday", this::birthdays);
  }

  @Produces
  ReminderSource followUps() {
    return ReminderSource.of("follow-up", this::followUps);
  }

  @Produces
  ReminderSource tasksDue() {
    return ReminderSource.of("task", this::tasks);
  }

  @Produces
  ReminderSource poolReturns() {
    return ReminderSource.of("pool-warning", this::poolReturns);
  }

  /**
   * Contacts — and individual customers — whose birthday (month and day; 29 February on 28 February
   * in other years) falls from today to the lead days ahead: only for callers who may read them and
   * see birthdays (a sensitive field).
   */
  List<Reminder> birthdays(Instant now, Integer days, int limit) {
    int lead = days != null ? days : settings.value(Setting.BIRTHDAY_REMINDER_DAYS).asInt(3);
    LocalDate today = LocalDate.ofInstant(now, ZONE);
    Map<String, LocalDate> byMonthDay = new LinkedHashMap<>();
    for (int i = 0; i <= lead && i < 366; i++) {
      LocalDate day = today.plusDays(i);
      byMonthDay.putIfAbsent(day.format(MONTH_DAY), day);
      if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
        byMonthDay.putIfAbsent("02-29", day);
      }
    }
    List<Reminder> out = new ArrayList<>();
    out.addAll(
        birthdays(
            "contact",
            "SELECT t.id, t.name, t.customer_id, t.birthday, c.name FROM contacts t"
                + " JOIN customers c ON c.id = t.customer_id"
                + " WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL",
            byMonthDay,
            limit));
    out.addAll(
        birthdays(
            CustomerService.RESOURCE,
            "SELECT t.id, t.name, t.id, t.birthday, t.name FROM customers t"
                + " WHERE t.deleted_at IS NULL AND t.type = 'INDIVIDUAL'",
            byMonthDay,
            limit));
    return out;
  }

  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  /** One table's birthdays: {@code select} answers id, name, customer, birthday, customer name. */
  private List<Reminder> birthdays(
      String resource, String select, Map<String, LocalDate> byMonthDay, int limit) {
    if (!access.allowed(resource, Action.READ) || fields.hidden(resource, "birthday")) {
      return List.of();
    }
    SqlFragment scope = dataScope.condition(resource, "t");
    List<Object> params = new ArrayList<>(byMonthDay.keySet());
    params.addAll(scope.params());
    String marks = String.join(", ", java.util.Collections.nCopies(byMonthDay.size(), "?"));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        (List<Object[]>)
            (List<?>)
                engine
                    .nativeQuery(
                        new SqlFragment(
                            select
                                + " AND t.birthday IS NOT NULL"
                                + " AND to_char(t.birthday, 'MM-DD') IN ("
                                + marks
                                + ") AND ("
                                + scope.sql()
                                + ") ORDER BY t.id LIMIT "
                                + limit,
                            params))
                    .getResultList();
    List<Reminder> out = new ArrayList<>();
    for (Object[] row : rows) {
      LocalDate born = toDate(row[3]);
      LocalDate on = byMonthDay.get(born.format(MONTH_DAY));
      Map<String, String> data = new LinkedHashMap<>();
      data.put("birthday", born.toString());
      data.put("on", on.toString());
      data.put("age", String.valueOf(on.getYear() - born.getYear()));
      data.put("customerName", (String) row[4]);
      String who = resource.equals("contact") ? row[1] + "（" + row[4] + "）" : (String) row[1];
      String whoEn = resource.equals("contact") ? row[1] + " (" + row[4] + ")" : (String) row[1];
      out.add(
          new Reminder(
              "birthday",
              resource,
              (UUID) row[0],
              (UUID) row[2],
              on.atStartOfDay(ZONE).toInstant(),
              false,
              "生日：" + who + " " + on,
              "Birthday: " + whoEn + " on " + on,
              data));
    }
    return out;
  }

  /** Customers whose next follow-up is due by the end of the lead days, overdue ones included. */
  List<Reminder> followUps(Instant now, Integer days, int limit) {
    if (!access.allowed(CustomerService.RESOURCE, Action.READ)) {
      return List.of();
    }
    Instant until = endOfDay(now, days);
    Page<CustomerView> due =
        customers.list(
            new ListQuery(
                "nextFollowUpAt=le=" + until,
                null,
                List.of("nextFollowUpAt"),
                limit,
                null,
                null,
                null,
                null,
                null));
    return due.data().stream()
        .map(
            c ->
                new Reminder(
                    "follow-up",
                    CustomerService.RESOURCE,
                    c.id(),
                    c.id(),
                    c.nextFollowUpAt(),
                    c.nextFollowUpAt().isBefore(now),
                    "下次跟进：" + c.name(),
                    "Follow up: " + c.name(),
                    data("ownerId", c.ownerId(), "lastFollowUpAt", c.lastFollowUpAt())))
        .toList();
  }

  /** The caller's open tasks due by the end of the lead days, or whose reminder time has come. */
  List<Reminder> tasks(Instant now, Integer days, int limit) {
    if (principal.resolve().kind() != PrincipalKind.EMPLOYEE
        || !access.allowed(TaskService.RESOURCE, Action.READ)) {
      return List.of();
    }
    Instant until = endOfDay(now, days);
    Page<TaskView> due =
        tasks.list(
            new ListQuery(
                "status==OPEN;ownerId=="
                    + principal.resolve().id()
                    + ";(dueAt=le="
                    + until
                    + ",remindAt=le="
                    + now
                    + ")",
                null,
                List.of("dueAt"),
                limit,
                null,
                null,
                null,
                null,
                null));
    return due.data().stream()
        .map(
            t -> {
              Instant at = t.dueAt() != null ? t.dueAt() : t.remindAt();
              return new Reminder(
                  "task",
                  TaskService.RESOURCE,
                  t.id(),
                  t.customerId(),
                  at,
                  t.dueAt() != null && t.dueAt().isBefore(now),
                  "待办：" + t.subject(),
                  "Task: " + t.subject(),
                  data("priority", t.priority(), "remindAt", t.remindAt()));
            })
        .toList();
  }

  /**
   * Owned customers in scope returning to the pool within the lead days (by default each pool's
   * warning days; the widest of them bounds the query).
   */
  List<Reminder> poolReturns(Instant now, Integer days, int limit) {
    if (!access.allowed(CustomerService.RESOURCE, Action.READ)) {
      return List.of();
    }
    Map<UUID, Integer> warnDays = new LinkedHashMap<>();
    pools.all().forEach(p -> warnDays.put(p.id(), p.warnDaysBefore()));
    int widest =
        days != null
            ? days
            : warnDays.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Instant until = now.plus(Duration.ofDays(widest));
    Page<CustomerView> due =
        customers.list(
            new ListQuery(
                "poolReturnAt=le=" + until,
                null,
                List.of("poolReturnAt"),
                limit,
                null,
                null,
                null,
                null,
                null));
    Set<Reminder> out = new LinkedHashSet<>();
    for (CustomerView c : due.data()) {
      int lead = days != null ? days : warnDays.getOrDefault(c.poolReturnPoolId(), 0);
      if (c.poolReturnAt().isAfter(now.plus(Duration.ofDays(lead)))) {
        continue;
      }
      out.add(
          new Reminder(
              "pool-warning",
              CustomerService.RESOURCE,
              c.id(),
              c.id(),
              c.poolReturnAt(),
              c.poolReturnAt().isBefore(now),
              "即将回收公海：" + c.name(),
              "Returns to the pool: " + c.name(),
              data(
                  "poolId", c.poolReturnPoolId(),
                  "rule", c.poolReturnRule(),
                  "criterion", c.poolReturnCriterion())));
    }
    return List.copyOf(out);
  }

  private static Instant endOfDay(Instant now, Integer days) {
    int lead = days != null ? days : DEFAULT_DAYS;
    return LocalDate.ofInstant(now, ZONE).plusDays(lead + 1L).atStartOfDay(ZONE).toInstant();
  }

  private static Map<String, String> data(Object... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], pairs[i + 1] == null ? null : String.valueOf(pairs[i + 1]));
    }
    return out;
  }

  private static LocalDate toDate(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
