package dev.headlesscrm.sales.receivable.api.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.sales.receivable.application.PaymentInput;
import dev.headlesscrm.sales.receivable.application.PaymentPlanInput;
import dev.headlesscrm.sales.receivable.application.PaymentPlanService;
import dev.headlesscrm.sales.receivable.application.PaymentPlanView;
import dev.headlesscrm.sales.receivable.application.PaymentService;
import dev.headlesscrm.sales.receivable.application.PaymentView;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Payment plans, payments and receivables due over GraphQL: the same services as REST. */
@GraphQLApi
@GraphQlProblems
public class ReceivableGraphQlApi {

  @Inject PaymentPlanService plans;
  @Inject PaymentService payments;
  @Inject ObjectMapper json;

  /** A page of payment plan periods. */
  public static class PaymentPlanConnection extends Connection<PaymentPlanView> {
    PaymentPlanConnection(Page<PaymentPlanView> page) {
      super(page);
    }
  }

  /** A page of payments. */
  public static class PaymentConnection extends Connection<PaymentView> {
    PaymentConnection(Page<PaymentView> page) {
      super(page);
    }
  }

  @Query("paymentPlans")
  public PaymentPlanConnection paymentPlans(
      String filter, List<String> sort, Integer first, String after, Boolean count) {
    return new PaymentPlanConnection(
        plans.list(ListQuery.of(filter, null, sort, first, after, count)));
  }

  @Query("payments")
  public PaymentConnection payments(
      String filter, List<String> sort, Integer first, String after, Boolean count) {
    return new PaymentConnection(
        payments.list(ListQuery.of(filter, null, sort, first, after, count)));
  }

  @Query("receivablesDue")
  @Description("Plan periods not yet received falling due within withinDays (default: setting).")
  public PaymentPlanConnection receivablesDue(Integer withinDays, Integer first, String after) {
    return new PaymentPlanConnection(plans.due(withinDays, first, after));
  }

  @Mutation("createPaymentPlan")
  public PaymentPlanView createPaymentPlan(@NonNull PaymentPlanInput input) {
    return plans.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("createPayment")
  public PaymentView createPayment(@NonNull PaymentInput input) {
    return payments.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("submitPayment")
  public PaymentView submitPayment(@Id @NonNull String id) {
    return payments.submit(Ids.parse(id));
  }

  @Mutation("voidPayment")
  public PaymentView voidPayment(@Id @NonNull String id) {
    return payments.voidPayment(Ids.parse(id));
  }

  @Mutation("voidPaymentPlan")
  @Description("Voids a period nothing was received for.")
  public PaymentPlanView voidPaymentPlan(@Id @NonNull String id) {
    return plans.voidPeriod(Ids.parse(id));
  }
}
