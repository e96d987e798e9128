package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** What the database constraints of commissions and targets mean to a client. */
@ApplicationScoped
public class SalesPlanConstraints implements ConstraintProblems {

  @Override
  public Map<String, Meaning> constraints() {
    return Map.of(
        "sales_targets_employee_key",
        Meaning.duplicate(
            "period",
            Text.of(
                "The employee already has a target for this period and metric.",
                "该员工在此期间已有该指标的目标。")),
        "sales_targets_department_key",
        Meaning.duplicate(
            "period",
            Text.of(
                "The department already has a target for this period and metric.",
                "该部门在此期间已有该指标的目标。")),
        "commission_rules_product_category_id_fkey",
        Meaning.inUse(
            Text.of(
                "Commission rules name this category; change or remove them first.",
                "有佣金规则使用该产品类别，请先修改或删除这些规则。")),
        "commissions_rule_id_fkey",
        Meaning.inUse(
            Text.of(
                "Commissions were calculated under this rule; deactivate it instead.",
                "已有佣金按此规则计算，请停用而不是删除。")),
        "commissions_calculated_key",
        Meaning.inUse(
            Text.of(
                "The commissions of this month are being recalculated; try again.",
                "该月佣金正在重新计算，请重试。")));
  }
}
