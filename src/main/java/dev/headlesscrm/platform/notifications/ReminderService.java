package dev.headlesscrm.platform.notifications;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.persistence.ReadTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** GET /me/reminders: every source's reminders for the caller, merged by due time. */
@ApplicationScoped
public class ReminderService {

  /** At most this many of each kind. */
  public static final int PER_KIND = 200;

  @Inject Instance<ReminderSource> sources;

  /** The caller's reminders, due earliest first, with how many of each kind. */
  @org.eclipse.microprofile.graphql.Type("Reminders")
  @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Reminders")
  public record Reminders(List<Reminder> data, Map<String, Integer> counts) {}

  public Set<String> kinds() {
    Set<String> kinds = new TreeSet<>();
    sources.forEach(s -> kinds.add(s.kind()));
    return kinds;
  }

  @ReadTransaction
  public Reminders mine(Integer days, List<String> kinds) {
    if (days != null && (days < 0 || days > 365)) {
      throw CrmException.invalidParameter("days", "range", Text.of("0 to 365.", "须在 0 到 365 之间。"));
    }
    Set<String> known = kinds();
    List<String> asked = kinds == null || kinds.isEmpty() ? List.copyOf(known) : kinds;
    for (String kind : asked) {
      if (!known.contains(kind)) {
        throw CrmException.invalidParameter(
            "kind",
            "unknown",
            Text.of("Not a reminder kind; one of " + known + ".", "没有这种提醒；可选：" + known + "。"));
      }
    }
    java.time.Instant now = Clock.now();
    List<Reminder> all = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ReminderSource source : sources) {
      if (asked.contains(source.kind())) {
        List<Reminder> due = source.due(now, days, PER_KIND);
        counts.merge(source.kind(), due.size(), Integer::sum);
        all.addAll(due);
      }
    }
    all.sort(
        Comparator.comparing(Reminder::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Reminder::kind)
            .thenComparing(r -> String.valueOf(r.recordId())));
    return new Reminders(all, counts);
  }
}
