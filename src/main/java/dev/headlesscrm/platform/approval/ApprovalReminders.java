package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.notifications.Reminder;
import dev.headlesscrm.platform.notifications.ReminderSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Approvals waiting for the caller's decision (待审批), oldest first, as reminders. */
@ApplicationScoped
public class ApprovalReminders {

  @Inject ApprovalEngine engine;

  @Produces
  ReminderSource approvals() {
    return ReminderSource.of("approval", this::waiting);
  }

  List<Reminder> waiting(Instant now, Integer days, int limit) {
    return engine.inbox(PageRequest.of(limit, null)).data().stream()
        .map(
            a -> {
              Map<String, String> data = new LinkedHashMap<>();
              data.put("approvalId", a.id().toString());
              data.put("flowName", a.flowName());
              data.put("step", String.valueOf(a.step()));
              data.put("submittedBy", String.valueOf(a.submittedBy()));
              return new Reminder(
                  "approval",
                  a.resource(),
                  a.recordId(),
                  null,
                  a.submittedAt(),
                  true,
                  "待审批：" + a.flowName(),
                  "Waiting for your approval: " + a.flowName(),
                  data);
            })
        .toList();
  }
}
