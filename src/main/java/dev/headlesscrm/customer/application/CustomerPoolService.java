package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.CustomerPool;
import dev.headlesscrm.customer.domain.PoolRule;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.query.FilterCompiler;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.OrgDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Public pools (公海): members, administrators, return rules and limits. Every change of a pool is in
 * force at once: in its own transaction every customer whose return date or withheld fields it
 * moves is brought up to date (each with its history entry and event), and every pod drops its copy
 * of the pools when it commits.
 */
@ApplicationScoped
public class CustomerPoolService
    extends RecordService<CustomerPool, CustomerPoolView, CustomerPoolInput> {

  static final String RESOURCE = "customer-pool";

  /** Customer fields a pool may not withhold: what identifies the customer and its pool state. */
  private static final Set<String> NEVER_WITHHELD =
      Set.of(
          "id",
          "number",
          "name",
          "level",
          "status",
          "lifecycleStage",
          "ownerId",
          "ownerDepartmentId",
          "mergedIntoId",
          "poolId",
          "poolEnteredAt",
          "poolEntryReason",
          "previousOwnerId",
          "ownedSince",
          "locked",
          "lockedAt",
          "lockedById",
          "poolReturnAt",
          "poolReturnPoolId",
          "poolReturnRule",
          "poolReturnCriterion",
          "hiddenFields",
          "version",
          "createdAt",
          "createdBy",
          "updatedAt",
          "updatedBy",
          "deletedAt");

  /** The customer fields a pool may withhold. */
  static final Set<String> WITHHOLDABLE =
      Arrays.stream(CustomerView.class.getRecordComponents())
          .map(java.lang.reflect.RecordComponent::getName)
          .filter(n -> !NEVER_WITHHELD.contains(n))
          .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));

  @Inject OrgDirectory org;
  @Inject DictionaryService dictionaries;
  @Inject ResourceRegistry registry;
  @Inject PoolDirectory pools;
  @Inject CustomerService customers;

  static final RecordDefinition<CustomerPool, CustomerPoolView, CustomerPoolInput> DEFINITION =
      RecordDefinition.of(
              CustomerResources.CUSTOMER_POOLS,
              CustomerPool.class,
              CustomerPoolView.class,
              CustomerPoolInput.class)
          .view("rules", p -> p.rules.stream().map(PoolRuleView::of).toList())
          .input("rules", p -> p.rules.stream().map(PoolRuleInput::of).toList())
          .own(
              "rules",
              "memberEmployeeIds",
              "memberDepartmentIds",
              "adminIds",
              "hiddenFields",
              "active",
              "priority",
              "warnDaysBefore",
              "escalateDaysBefore",
              "capCountsWon",
              "coolingOffDays")
          .build();

  @Override
  protected RecordDefinition<CustomerPool, CustomerPoolView, CustomerPoolInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(CustomerPoolInput in, CustomerPool p, boolean creating) {
    List<UUID> members = distinct(in.memberEmployeeIds());
    List<UUID> admins = distinct(in.adminIds());
    checkEmployees("memberEmployeeIds", members, p.memberEmployeeIds);
    checkEmployees("adminIds", admins, p.adminIds);
    List<UUID> departments = distinct(in.memberDepartmentIds());
    for (UUID d : departments) {
      if (!p.memberDepartmentIds.contains(d) && references.readable("department", d).isEmpty()) {
        throw CrmException.invalidField(
            "memberDepartmentIds", "not-found", Text.of("No such department.", "部门不存在。"));
      }
    }
    List<PoolRule> rules = new ArrayList<>();
    List<PoolRuleInput> given = in.rules() == null ? List.of() : in.rules();
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      PoolRule rule = given.get(i).rule();
      String at = "rules[" + i + "]";
      if (rule.daysWithoutFollowUp() == null
          && rule.daysWithoutWonDeal() == null
          && rule.daysAfterContractEnd() == null) {
        throw CrmException.invalidField(
            at,
            "no-days",
            Text.of(
                "Give at least one of daysWithoutFollowUp, daysWithoutWonDeal and"
                    + " daysAfterContractEnd.",
                "请至少设置未跟进天数、未成交天数或合同到期后天数之一。"));
      }
      if (!names.add(rule.name())) {
        throw CrmException.invalidField(
            at + ".name", "duplicate", Text.of("Rule names are unique.", "规则名称不能重复。"));
      }
      for (int j = 0; j < rule.levels().size(); j++) {
        String field = at + ".levels[" + j + "]";
        dictionaries.requireActive(
            Map.of(field, "customer-level"), Map.of(field, rule.levels().get(j)));
      }
      if (rule.filter() != null) {
        try {
          FilterCompiler.compile(registry, CustomerResources.CUSTOMERS, rule.filter());
        } catch (CrmException bad) {
          throw CrmException.invalidField(at + ".filter", "invalid", bad.detail());
        }
      }
      rules.add(rule);
    }
    List<String> hidden = new ArrayList<>(new LinkedHashSet<>(orEmpty(in.hiddenFields())));
    for (String field : hidden) {
      if (!WITHHOLDABLE.contains(field)) {
        throw CrmException.invalidField(
            "hiddenFields",
            "not-withholdable",
            Text.of(
                "'" + field + "' cannot be withheld; choose from " + WITHHOLDABLE + ".",
                "'" + field + "' 不能隐藏；可选：" + WITHHOLDABLE + "。"));
      }
    }
    copy(in, p);
    p.name = in.name().trim();
    p.active = in.active() == null || in.active();
    p.priority = in.priority() == null ? 100 : in.priority();
    p.memberEmployeeIds = members;
    p.memberDepartmentIds = departments;
    p.adminIds = admins;
    p.rules = rules;
    p.warnDaysBefore = in.warnDaysBefore() == null ? 3 : in.warnDaysBefore();
    p.escalateDaysBefore = in.escalateDaysBefore() == null ? 1 : in.escalateDaysBefore();
    p.capCountsWon = Boolean.TRUE.equals(in.capCountsWon());
    p.coolingOffDays = in.coolingOffDays() == null ? 0 : in.coolingOffDays();
    p.hiddenFields = hidden;
  }

  private void checkEmployees(String field, List<UUID> ids, List<UUID> before) {
    for (UUID id : ids) {
      if (!before.contains(id) && org.activeEmployee(id).isEmpty()) {
        throw CrmException.invalidField(
            field, "not-found", Text.of("No such active employee.", "该员工不存在或已停用。"));
      }
    }
  }

  @Override
  protected void afterSave(CustomerPool p, boolean created) {
    pools.changed();
    customers.applyPoolRules();
  }

  @Override
  @Transactional
  public void delete(UUID id, Long expectedVersion) {
    super.delete(id, expectedVersion);
    pools.changed();
    customers.applyPoolRules();
  }

  @Override
  @Transactional
  public CustomerPoolView restore(UUID id) {
    CustomerPoolView restored = super.restore(id);
    pools.changed();
    customers.applyPoolRules();
    return restored;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static List<UUID> distinct(List<UUID> ids) {
    return new ArrayList<>(new LinkedHashSet<>(orEmpty(ids)));
  }
}
