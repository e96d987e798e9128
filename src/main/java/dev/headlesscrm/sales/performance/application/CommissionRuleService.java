package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.catalogue.application.ProductCategories;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.OrgDirectory;
import dev.headlesscrm.sales.performance.domain.CommissionRule;
import dev.headlesscrm.sales.performance.domain.CommissionRules;
import dev.headlesscrm.sales.performance.domain.CommissionTier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Commission rules (佣金规则): a rate on contract amounts or received payments, for everyone or one
 * employee, every product or one category, optionally tiered. Changing a rule changes nothing
 * already calculated until the periods are recalculated (POST /api/v1/commissions/recalculate).
 */
@ApplicationScoped
public class CommissionRuleService
    extends RecordService<CommissionRule, CommissionRuleView, CommissionRuleInput> {

  static final String RESOURCE = "commission-rule";

  @Inject OrgDirectory org;
  @Inject ProductCategories categories;

  private final RecordDefinition<CommissionRule, CommissionRuleView, CommissionRuleInput>
      definition =
          RecordDefinition.of(
                  SalesPlanResources.COMMISSION_RULES,
                  CommissionRule.class,
                  CommissionRuleView.class,
                  CommissionRuleInput.class)
              .view("rate", r -> r.rate.stripTrailingZeros())
              .view("tiers", r -> r.tiers.stream().map(CommissionTierView::of).toList())
              .input("tiers", r -> r.tiers.stream().map(CommissionTierInput::of).toList())
              .own("tiers")
              .build();

  @Override
  protected RecordDefinition<CommissionRule, CommissionRuleView, CommissionRuleInput> definition() {
    return definition;
  }

  @Override
  protected void apply(CommissionRuleInput in, CommissionRule r, boolean creating) {
    if (in.employeeId() != null
        && (r.employeeId == null || !r.employeeId.equals(in.employeeId()))
        && org.activeEmployee(in.employeeId()).isEmpty()) {
      throw CrmException.invalidField(
          "employeeId", "not-found", Text.of("No such active employee.", "该员工不存在或已停用。"));
    }
    if (in.productCategoryId() != null
        && !in.productCategoryId().equals(r.productCategoryId)
        && !categories.isLive(in.productCategoryId())) {
      throw CrmException.invalidField(
          "productCategoryId", "not-found", Text.of("No such product category.", "产品类别不存在。"));
    }
    List<CommissionTier> tiers = new ArrayList<>();
    BigDecimal previous = null;
    List<CommissionTierInput> given = in.tiers() == null ? List.of() : in.tiers();
    for (int i = 0; i < given.size(); i++) {
      CommissionTier t = given.get(i).tier();
      if (previous != null && t.from().compareTo(previous) <= 0) {
        throw CrmException.invalidField(
            "tiers[" + i + "].from",
            "not-increasing",
            Text.of("Tiers start at strictly increasing totals.", "阶梯的起点金额须严格递增。"));
      }
      previous = t.from();
      tiers.add(t);
    }
    copy(in, r);
    r.name = in.name().trim();
    r.tiers = tiers;
    r.active = in.active() == null || in.active();
  }

  /** The live active rules, as recalculation selects among them. */
  List<CommissionRules.Rule> activeRules() {
    return em
        .createQuery(
            "from CommissionRule r where r.deletedAt is null and r.active = true",
            CommissionRule.class)
        .getResultList()
        .stream()
        .map(CommissionRule::rule)
        .toList();
  }
}
