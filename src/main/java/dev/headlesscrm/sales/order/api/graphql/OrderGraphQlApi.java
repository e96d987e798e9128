package dev.headlesscrm.sales.order.api.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.sales.order.application.ContractInput;
import dev.headlesscrm.sales.order.application.ContractService;
import dev.headlesscrm.sales.order.application.ContractView;
import dev.headlesscrm.sales.order.application.Delivery;
import dev.headlesscrm.sales.order.application.QuoteInput;
import dev.headlesscrm.sales.order.application.QuoteService;
import dev.headlesscrm.sales.order.application.QuoteView;
import dev.headlesscrm.sales.order.application.SalesOrderInput;
import dev.headlesscrm.sales.order.application.SalesOrderService;
import dev.headlesscrm.sales.order.application.SalesOrderView;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Quotes, contracts and sales orders over GraphQL: the same services as REST. */
@GraphQLApi
@GraphQlProblems
public class OrderGraphQlApi {

  @Inject QuoteService quotes;
  @Inject ContractService contracts;
  @Inject SalesOrderService orders;
  @Inject ObjectMapper json;

  /** A page of quotes. */
  public static class QuoteConnection extends Connection<QuoteView> {
    QuoteConnection(Page<QuoteView> page) {
      super(page);
    }
  }

  /** A page of contracts. */
  public static class ContractConnection extends Connection<ContractView> {
    ContractConnection(Page<ContractView> page) {
      super(page);
    }
  }

  /** A page of sales orders. */
  public static class SalesOrderConnection extends Connection<SalesOrderView> {
    SalesOrderConnection(Page<SalesOrderView> page) {
      super(page);
    }
  }

  @Query("salesOrder")
  public SalesOrderView salesOrder(@Id @NonNull String id) {
    return orders.get(Ids.parse(id));
  }

  @Query("salesOrders")
  public SalesOrderConnection salesOrders(
      String filter, List<String> sort, Integer first, String after, Boolean count) {
    return new SalesOrderConnection(
        orders.list(ListQuery.of(filter, null, sort, first, after, count)));
  }

  @Mutation("createSalesOrder")
  public SalesOrderView createSalesOrder(@NonNull SalesOrderInput input) {
    return orders.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("deliverSalesOrder")
  public SalesOrderView deliverSalesOrder(@Id @NonNull String id, @NonNull Delivery delivery) {
    return orders.deliver(Ids.parse(id), delivery);
  }

  @Query("quote")
  public QuoteView quote(@Id @NonNull String id) {
    return quotes.get(Ids.parse(id));
  }

  @Query("quotes")
  public QuoteConnection quotes(
      String filter, List<String> sort, Integer first, String after, Boolean count) {
    return new QuoteConnection(quotes.list(ListQuery.of(filter, null, sort, first, after, count)));
  }

  @Query("contract")
  public ContractView contract(@Id @NonNull String id) {
    return contracts.get(Ids.parse(id));
  }

  @Query("contracts")
  public ContractConnection contracts(
      String filter, List<String> sort, Integer first, String after, Boolean count) {
    return new ContractConnection(
        contracts.list(ListQuery.of(filter, null, sort, first, after, count)));
  }

  @Mutation("createQuote")
  public QuoteView createQuote(@NonNull QuoteInput input) {
    return quotes.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("submitQuote")
  public QuoteView submitQuote(@Id @NonNull String id) {
    return quotes.submit(Ids.parse(id));
  }

  @Mutation("sendQuote")
  public QuoteView sendQuote(@Id @NonNull String id) {
    return quotes.send(Ids.parse(id));
  }

  @Mutation("acceptQuote")
  public QuoteView acceptQuote(@Id @NonNull String id) {
    return quotes.accept(Ids.parse(id));
  }

  @Mutation("reviseQuote")
  public QuoteView reviseQuote(@Id @NonNull String id) {
    return quotes.revise(Ids.parse(id));
  }

  @Mutation("createContractFromQuote")
  public ContractView createContractFromQuote(@Id @NonNull String quoteId, String name) {
    return contracts.fromQuote(Ids.parse(quoteId), name);
  }

  @Mutation("submitContract")
  public ContractView submitContract(@Id @NonNull String id) {
    return contracts.submit(Ids.parse(id));
  }

  @Mutation("createContract")
  @Description("Creates a contract (as POST /api/v1/contracts).")
  public ContractView createContract(@NonNull ContractInput input) {
    return contracts.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("createSalesOrderFromContract")
  @Description(
      "A sales order with the approved contract's lines (as POST /sales-orders/from-contract).")
  public SalesOrderView createSalesOrderFromContract(@Id @NonNull String contractId) {
    return orders.fromContract(Ids.parse(contractId));
  }

  @Mutation("activateContract")
  @Description("APPROVED → ACTIVE.")
  public ContractView activateContract(@Id @NonNull String id) {
    return contracts.activate(Ids.parse(id));
  }

  @Mutation("completeContract")
  @Description("ACTIVE → COMPLETED.")
  public ContractView completeContract(@Id @NonNull String id) {
    return contracts.complete(Ids.parse(id));
  }

  @Mutation("terminateContract")
  @Description("APPROVED or ACTIVE → TERMINATED.")
  public ContractView terminateContract(@Id @NonNull String id) {
    return contracts.terminate(Ids.parse(id));
  }

  @Mutation("voidContract")
  @Description("Voids a contract without received payments.")
  public ContractView voidContract(@Id @NonNull String id) {
    return contracts.voidContract(Ids.parse(id));
  }

  @Mutation("confirmSalesOrder")
  @Description("DRAFT → CONFIRMED.")
  public SalesOrderView confirmSalesOrder(@Id @NonNull String id) {
    return orders.confirm(Ids.parse(id));
  }

  @Mutation("closeSalesOrder")
  @Description("(Partially) delivered → CLOSED.")
  public SalesOrderView closeSalesOrder(@Id @NonNull String id) {
    return orders.close(Ids.parse(id));
  }

  @Mutation("cancelSalesOrder")
  @Description("DRAFT or CONFIRMED → CANCELLED.")
  public SalesOrderView cancelSalesOrder(@Id @NonNull String id) {
    return orders.cancel(Ids.parse(id));
  }
}
