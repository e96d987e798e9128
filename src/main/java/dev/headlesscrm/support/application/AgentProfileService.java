package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.OrgDirectory;
import dev.headlesscrm.support.domain.AgentProfile;
import dev.headlesscrm.support.domain.AgentSkill;
import dev.headlesscrm.support.domain.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Agent profiles (话务员档案): one per employee who takes service requests. */
@ApplicationScoped
public class AgentProfileService
    extends RecordService<AgentProfile, AgentProfileView, AgentProfileInput> {

  @Inject OrgDirectory org;
  @Inject DictionaryService dictionaryCheck;

  static final RecordDefinition<AgentProfile, AgentProfileView, AgentProfileInput> DEFINITION =
      RecordDefinition.of(
              SupportResources.AGENTS,
              AgentProfile.class,
              AgentProfileView.class,
              AgentProfileInput.class)
          .input("skills", p -> p.skills.stream().map(AgentSkillInput::of).toList())
          .own("available", "skills", "employeeId")
          .build();

  @Override
  protected RecordDefinition<AgentProfile, AgentProfileView, AgentProfileInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(AgentProfileInput in, AgentProfile p, boolean creating) {
    if (!Objects.equals(p.employeeId, in.employeeId())
        && org.activeEmployee(in.employeeId()).isEmpty()) {
      throw CrmException.invalidField(
          "employeeId", "not-found", Text.of("No such working employee.", "没有这位在职员工。"));
    }
    if (in.calendarId() != null) {
      BusinessCalendar c = em.find(BusinessCalendar.class, in.calendarId());
      if (c == null || c.isDeleted()) {
        throw CrmException.invalidField(
            "calendarId", "not-found", Text.of("No such business calendar.", "工作日历不存在。"));
      }
    }
    List<AgentSkill> skills = new ArrayList<>();
    List<AgentSkillInput> given = in.skills() == null ? List.of() : in.skills();
    for (int i = 0; i < given.size(); i++) {
      AgentSkillInput s = given.get(i);
      if ((s.category() == null) == (s.productId() == null)) {
        throw CrmException.invalidField(
            "skills[" + i + "]",
            "one-of",
            Text.of("A skill names a category or a product.", "技能须指定类别或产品之一。"));
      }
      if (s.category() != null) {
        dictionaryCheck.requireActive(
            Map.of("skills[" + i + "].category", "service-category"),
            Map.of("skills[" + i + "].category", s.category()));
      }
      skills.add(new AgentSkill(s.category(), s.productId(), s.level()));
    }
    copy(in, p);
    p.employeeId = in.employeeId();
    p.available = in.available() == null || in.available();
    p.skills = skills;
  }
}
