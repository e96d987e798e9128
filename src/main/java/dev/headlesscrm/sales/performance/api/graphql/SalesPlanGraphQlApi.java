package dev.headlesscrm.sales.performance.api.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.sales.performance.application.CommissionRecalculation;
import dev.headlesscrm.sales.performance.application.CommissionRuleInput;
import dev.headlesscrm.sales.performance.application.CommissionRuleService;
import dev.headlesscrm.sales.performance.application.CommissionRuleView;
import dev.headlesscrm.sales.performance.application.CommissionService;
import dev.headlesscrm.sales.performance.application.CommissionView;
import dev.headlesscrm.sales.performance.application.SalesTargetInput;
import dev.headlesscrm.sales.performance.application.SalesTargetProgressView;
import dev.headlesscrm.sales.performance.application.SalesTargetService;
import dev.headlesscrm.sales.performance.application.SalesTargetView;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Commission rules, commissions and sales targets over GraphQL: the same services as REST. */
@GraphQLApi
@GraphQlProblems
public class SalesPlanGraphQlApi {

  @Inject CommissionRuleService rules;
  @Inject CommissionService commissions;
  @Inject SalesTargetService targets;
  @Inject ObjectMapper json;

  /** A page of commission rules. */
  public static class CommissionRuleConnection extends Connection<CommissionRuleView> {
    CommissionRuleConnection(Page<CommissionRuleView> page) {
      super(page);
    }
  }

  /** A page of commissions. */
  public static class CommissionConnection extends Connection<CommissionView> {
    CommissionConnection(Page<CommissionView> page) {
      super(page);
    }
  }

  /** A page of sales targets. */
  public static class SalesTargetConnection extends Connection<SalesTargetView> {
    SalesTargetConnection(Page<SalesTargetView> page) {
      super(page);
    }
  }

  /** A page of targets with their progress. */
  public static class SalesTargetProgressConnection extends Connection<SalesTargetProgressView> {
    SalesTargetProgressConnection(Page<SalesTargetProgressView> page) {
      super(page);
    }
  }

  @Query("commissionRules")
  public CommissionRuleConnection commissionRules(
      String filter, List<String> sort, Integer first, String after, Boolean count) {
    return new CommissionRuleConnection(
        rules.list(ListQuery.of(filter, null, sort, first, after, count)));
  }

  @Query("commission")
  public CommissionView commission(@Id @NonNull String id) {
    return commissions.get(Ids.parse(id));
  }

  @Query("commissions")
  @Description("Filter is the REST filter language, e.g. \"period==2026-11;status==CALCULATED\".")
  public CommissionConnection commissions(
      String filter, List<String> sort, Integer first, String after, Boolean count) {
    return new CommissionConnection(
        commissions.list(ListQuery.of(filter, null, sort, first, after, count)));
  }

  @Query("salesTarget")
  public SalesTargetView salesTarget(@Id @NonNull String id) {
    return targets.get(Ids.parse(id));
  }

  @Query("salesTargets")
  public SalesTargetConnection salesTargets(
      String filter, List<String> sort, Integer first, String after, Boolean count) {
    return new SalesTargetConnection(
        targets.list(ListQuery.of(filter, null, sort, first, after, count)));
  }

  @Query("salesTargetProgress")
  @Description(
      "The visible targets of a period (2026-11, 2026-Q4, 2026) with actual and attainment.")
  public SalesTargetProgressConnection salesTargetProgress(
      @NonNull String period,
      String metric,
      @Id String employeeId,
      @Id String departmentId,
      Integer first,
      String after) {
    return new SalesTargetProgressConnection(
        targets.progress(
            period,
            metric,
            employeeId == null ? null : Ids.parse(employeeId),
            departmentId == null ? null : Ids.parse(departmentId),
            first,
            after));
  }

  @Mutation("createCommissionRule")
  public CommissionRuleView createCommissionRule(@NonNull CommissionRuleInput input) {
    return rules.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("approveCommission")
  public CommissionView approveCommission(@Id @NonNull String id) {
    return commissions.approve(Ids.parse(id));
  }

  @Mutation("payCommission")
  public CommissionView payCommission(@Id @NonNull String id) {
    return commissions.pay(Ids.parse(id));
  }

  @Mutation("recalculateCommissions")
  @Description(
      "Rebuilds the open commissions of a month (yyyy-MM), of one employee or all in scope.")
  public CommissionRecalculation recalculateCommissions(
      @NonNull String period, @Id String employeeId) {
    return commissions.recalculate(employeeId == null ? null : Ids.parse(employeeId), period);
  }

  @Mutation("createSalesTarget")
  public SalesTargetView createSalesTarget(@NonNull SalesTargetInput input) {
    return targets.createFromJson(GraphQlInputs.replacement(json, input));
  }
}
