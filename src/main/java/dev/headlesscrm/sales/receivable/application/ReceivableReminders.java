package dev.headlesscrm.sales.receivable.application;

import dev.headlesscrm.platform.notifications.Reminder;
import dev.headlesscrm.platform.notifications.ReminderSource;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Receivable periods due (应收款提醒) as reminders: the same list as GET /receivables/due. */
@ApplicationScoped
public class ReceivableReminders {

  static final ZoneId ZONE = dev.headlesscrm.platform.api.BusinessTime.ZONE;

  @Inject PaymentPlanService plans;
  @Inject AccessPolicy access;

  @Produces
  ReminderSource receivables() {
    return ReminderSource.of("receivable", this::due);
  }

  List<Reminder> due(Instant now, Integer days, int limit) {
    if (!access.allowed(PaymentPlanService.RESOURCE, Action.READ)) {
      return List.of();
    }
    return plans.due(days, limit, null).data().stream()
        .map(
            p -> {
              Instant at = p.dueDate().atStartOfDay(ZONE).toInstant();
              Map<String, String> data = new LinkedHashMap<>();
              data.put("contractId", p.contractId().toString());
              data.put("period", String.valueOf(p.period()));
              data.put("outstandingAmount", p.outstandingAmount().toPlainString());
              data.put("status", p.status().name());
              return new Reminder(
                  "receivable",
                  PaymentPlanService.RESOURCE,
                  p.id(),
                  null,
                  at,
                  at.isBefore(now),
                  "应收款第 " + p.period() + " 期到期：" + p.dueDate(),
                  "Receivable period " + p.period() + " due on " + p.dueDate(),
                  data);
            })
        .toList();
  }
}
