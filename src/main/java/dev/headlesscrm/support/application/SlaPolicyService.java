package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.domain.BusinessCalendar;
import dev.headlesscrm.support.domain.EntitlementSource;
import dev.headlesscrm.support.domain.ServicePriority;
import dev.headlesscrm.support.domain.ServiceRequestType;
import dev.headlesscrm.support.domain.SlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * SLA policies (服务级别): conditions over a request (priority, type, customer level, entitlement) and
 * the working minutes of its timers. A new request takes the first active policy by rank that it
 * matches.
 */
@ApplicationScoped
public class SlaPolicyService extends RecordService<SlaPolicy, SlaPolicyView, SlaPolicyInput> {

  static final RecordDefinition<SlaPolicy, SlaPolicyView, SlaPolicyInput> DEFINITION =
      RecordDefinition.of(
              SupportResources.POLICIES, SlaPolicy.class, SlaPolicyView.class, SlaPolicyInput.class)
          .derived("priorities", p -> p.priorities.stream().map(ServicePriority::valueOf).toList())
          .derived(
              "requestTypes",
              p -> p.requestTypes.stream().map(ServiceRequestType::valueOf).toList())
          .derived(
              "entitlementSources",
              p -> p.entitlementSources.stream().map(EntitlementSource::valueOf).toList())
          .own("name", "active", "priorities", "requestTypes", "customerLevels", "warningPercent")
          .build();

  @Override
  protected RecordDefinition<SlaPolicy, SlaPolicyView, SlaPolicyInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(SlaPolicyInput in, SlaPolicy p, boolean creating) {
    BusinessCalendar calendar = em.find(BusinessCalendar.class, in.calendarId());
    if (calendar == null || calendar.isDeleted()) {
      throw CrmException.invalidField(
          "calendarId", "not-found", Text.of("No such business calendar.", "工作日历不存在。"));
    }
    if (in.firstResponseMinutes() == null
        && in.nextResponseMinutes() == null
        && in.resolutionMinutes() == null) {
      throw CrmException.invalidField(
          "resolutionMinutes",
          "required",
          Text.of(
              "A policy sets at least one target (first response, next response or resolution).",
              "服务级别至少要设定一个时限（首次响应、后续响应或解决）。"));
    }
    copy(in, p);
    p.name = in.name().trim();
    p.active = in.active() == null || in.active();
    p.priorities = names(in.priorities());
    p.requestTypes = names(in.requestTypes());
    p.customerLevels =
        in.customerLevels() == null
            ? new ArrayList<>()
            : new ArrayList<>(new LinkedHashSet<>(in.customerLevels()));
    p.entitlementSources = names(in.entitlementSources());
    p.serviceLevels =
        in.serviceLevels() == null
            ? new ArrayList<>()
            : new ArrayList<>(new LinkedHashSet<>(in.serviceLevels()));
    p.warningPercent = in.warningPercent() == null ? 80 : in.warningPercent();
  }

  private static List<String> names(List<? extends Enum<?>> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      values.stream().map(Enum::name).distinct().forEach(out::add);
    }
    return out;
  }

  /** The first active policy by rank that a request with these values matches. */
  Optional<SlaPolicy> choose(
      String priority,
      String type,
      String customerLevel,
      String entitlementSource,
      String serviceLevel) {
    return em.createQuery(
            "from SlaPolicy p where p.deletedAt is null and p.active order by p.rank, p.id",
            SlaPolicy.class)
        .getResultStream()
        .filter(p -> p.matches(priority, type, customerLevel, entitlementSource, serviceLevel))
        .findFirst();
  }
}
