package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.sales.order.domain.ContractStatus;
import dev.headlesscrm.sales.order.domain.QuoteStatus;
import dev.headlesscrm.sales.order.domain.SalesOrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** What lists may filter and sort quotes, contracts and sales orders by, declared once. */
@ApplicationScoped
public class OrderResources implements ResourceDeclarations, ConstraintProblems {

  static final ResourceSpec QUOTES =
      ResourceSpec.builder("quote", "quotes")
          .view(QuoteView.class)
          .field("number", "number", FieldType.STRING, true, false)
          .field("revision", "revision", FieldType.INTEGER, true, false)
          .field("superseded", "superseded", FieldType.BOOLEAN, false, false)
          .field("name", "name", FieldType.STRING, true, false)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("opportunityId", "opportunity_id", FieldType.UUID_, false, true)
          .field("validUntil", "valid_until", FieldType.DATE, true, true)
          .field("grandTotal", "grand_total", FieldType.DECIMAL, true, false)
          .field("maxDiscount", "max_discount", FieldType.DECIMAL, true, false)
          .enumField("status", "status", QuoteStatus.class, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.NONE, true)
          .relation("opportunity", "opportunity_id", "opportunity")
          .softDelete()
          .customFields("custom_fields")
          .build();

  static final ResourceSpec CONTRACTS =
      ResourceSpec.builder("contract", "contracts")
          .view(ContractView.class)
          .field("number", "number", FieldType.STRING, true, false)
          .field("name", "name", FieldType.STRING, true, false)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("opportunityId", "opportunity_id", FieldType.UUID_, false, true)
          .field("quoteId", "quote_id", FieldType.UUID_, false, true)
          .field("signingDate", "signing_date", FieldType.DATE, true, true)
          .field("startDate", "start_date", FieldType.DATE, true, true)
          .field("endDate", "end_date", FieldType.DATE, true, true)
          .field("amount", "amount", FieldType.DECIMAL, true, false)
          .field("receivedAmount", "received_amount", FieldType.DECIMAL, true, false)
          .enumField("status", "status", ContractStatus.class, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.NONE, true)
          .relation("opportunity", "opportunity_id", "opportunity")
          .relation("quote", "quote_id", "quote")
          .softDelete()
          .customFields("custom_fields")
          .build();

  static final ResourceSpec SALES_ORDERS =
      ResourceSpec.builder("sales-order", "sales_orders")
          .view(SalesOrderView.class)
          .field("number", "number", FieldType.STRING, true, false)
          .field("contractId", "contract_id", FieldType.UUID_, false, true)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("orderDate", "order_date", FieldType.DATE, true, false)
          .field("deliveryDate", "delivery_date", FieldType.DATE, true, true)
          .field("grandTotal", "grand_total", FieldType.DECIMAL, true, false)
          .enumField("status", "status", SalesOrderStatus.class, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.NONE, true)
          .relation("contract", "contract_id", "contract")
          .softDelete()
          .customFields("custom_fields")
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(QUOTES, CONTRACTS, SALES_ORDERS);
  }

  /** The constraints whose names do not say their field (the others are derived). */
  @Override
  public Map<String, Meaning> constraints() {
    return Map.of(
        "quotes_number_revision_key",
        Meaning.duplicate(
            "revision",
            Text.of(
                "This revision of the quote exists already; read the quote again.",
                "该报价的此修订版本已存在，请重新读取报价。")));
  }
}
