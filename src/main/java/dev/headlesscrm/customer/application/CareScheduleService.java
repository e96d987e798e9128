package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.CareOccasion;
import dev.headlesscrm.customer.domain.CareSchedule;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Care schedules (关怀计划): set up by sales managers, run by {@link CareScheduleJob}. */
@ApplicationScoped
public class CareScheduleService
    extends RecordService<CareSchedule, CareScheduleView, CareScheduleInput> {

  @Inject DictionaryService dictionaryCheck;

  static final RecordDefinition<CareSchedule, CareScheduleView, CareScheduleInput> DEFINITION =
      RecordDefinition.of(
              CustomerResources.CARE_SCHEDULES,
              CareSchedule.class,
              CareScheduleView.class,
              CareScheduleInput.class)
          .own("active", "daysBefore")
          .build();

  @Override
  protected RecordDefinition<CareSchedule, CareScheduleView, CareScheduleInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(CareScheduleInput in, CareSchedule s, boolean creating) {
    if (in.occasion() == CareOccasion.HOLIDAY || in.occasion() == CareOccasion.OTHER) {
      throw CrmException.invalidField(
          "occasion",
          "not-dated",
          Text.of(
              "A schedule follows a dated occasion: BIRTHDAY, ANNIVERSARY or CONTRACT_END.",
              "关怀计划只支持生日、周年纪念和合同到期。"));
    }
    dictionaryCheck.requireActive(
        Map.of("careKind", "care-kind"), Map.of("careKind", in.careKind()));
    copy(in, s);
    s.name = in.name().trim();
    s.taskSubject = in.taskSubject().trim();
    s.daysBefore = in.daysBefore();
    s.active = in.active() == null || in.active();
  }
}
