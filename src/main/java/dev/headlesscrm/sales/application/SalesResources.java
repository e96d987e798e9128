package dev.headlesscrm.sales.application;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SearchSupport;
import dev.headlesscrm.sales.domain.ContractStatus;
import dev.headlesscrm.sales.domain.LeadRating;
import dev.headlesscrm.sales.domain.LeadStatus;
import dev.headlesscrm.sales.domain.OpportunityStatus;
import dev.headlesscrm.sales.domain.PaymentMethod;
import dev.headlesscrm.sales.domain.PaymentPlanStatus;
import dev.headlesscrm.sales.domain.PaymentStatus;
import dev.headlesscrm.sales.domain.QuoteStatus;
import dev.headlesscrm.sales.domain.SalesOrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What lists may filter and sort leads, pipelines and opportunities by, declared once. */
@ApplicationScoped
public class SalesResources implements ResourceDeclarations {

  static final ResourceSpec LEADS =
      ResourceSpec.builder("lead", "leads")
          .dictionary("source", "lead-source")
          .dictionary("industry", "industry")
          .view(LeadView.class)
          .field("name", "name", FieldType.STRING, true, false)
          .field("company", "company", FieldType.STRING, true, true)
          .field("title", "title", FieldType.STRING, false, true)
          .field("mobile", "mobile", FieldType.STRING, false, true)
          .field("email", "email", FieldType.STRING, false, true)
          .field("source", "source", FieldType.STRING, true, true)
          .field("industry", "industry", FieldType.STRING, true, true)
          .enumField("status", "status", LeadStatus.class, true)
          .enumField("rating", "rating", LeadRating.class, true)
          .field("campaignId", "campaign_id", FieldType.UUID_, false, true)
          .field("convertedCustomerId", "converted_customer_id", FieldType.UUID_, false, true)
          .field("convertedAt", "converted_at", FieldType.INSTANT, true, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .ownerFields()
          .auditFields()
          .relation(
              "convertedCustomer",
              "converted_customer_id",
              "customer",
              Relation.OnDelete.NONE,
              true)
          .softDelete()
          .customFields("custom_fields")
          .search(SearchSupport::condition)
          .build();

  static final ResourceSpec PIPELINES =
      ResourceSpec.builder("pipeline", "pipelines")
          .view(PipelineView.class)
          .field("name", "name", FieldType.STRING, true, false)
          .field("defaultPipeline", "is_default", FieldType.BOOLEAN, false, false)
          .auditFields()
          .softDelete()
          .build();

  static final ResourceSpec OPPORTUNITIES =
      ResourceSpec.builder("opportunity", "opportunities")
          .dictionary("source", "lead-source")
          .dictionary("lossReason", "loss-reason")
          .view(OpportunityView.class)
          .field("number", "number", FieldType.STRING, true, false)
          .field("name", "name", FieldType.STRING, true, false)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("primaryContactId", "primary_contact_id", FieldType.UUID_, false, true)
          .field("pipelineId", "pipeline_id", FieldType.UUID_, false, false)
          .field("stageId", "stage_id", FieldType.UUID_, false, false)
          .field("amount", "amount", FieldType.DECIMAL, true, false)
          .field("currency", "currency", FieldType.STRING, false, false)
          .field("expectedCloseDate", "expected_close_date", FieldType.DATE, true, true)
          .field("actualCloseDate", "actual_close_date", FieldType.DATE, true, true)
          .enumField("status", "status", OpportunityStatus.class, true)
          .field("lossReason", "loss_reason", FieldType.STRING, false, true)
          .field("source", "source", FieldType.STRING, true, true)
          .field("leadId", "lead_id", FieldType.UUID_, false, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.NONE, true)
          .relation("primaryContact", "primary_contact_id", "contact")
          .relation("pipeline", "pipeline_id", "pipeline", Relation.OnDelete.RESTRICT, false)
          .softDelete()
          .customFields("custom_fields")
          .build();

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

  static final ResourceSpec PAYMENT_PLANS =
      ResourceSpec.builder("payment-plan", "payment_plans")
          .view(PaymentPlanView.class)
          .field("contractId", "contract_id", FieldType.UUID_, false, false)
          .field("period", "period", FieldType.INTEGER, true, false)
          .field("dueDate", "due_date", FieldType.DATE, true, false)
          .field("amount", "amount", FieldType.DECIMAL, true, false)
          .field("receivedAmount", "received_amount", FieldType.DECIMAL, true, false)
          .enumField("status", "status", PaymentPlanStatus.class, true)
          .ownerFields()
          .auditFields()
          .relation("contract", "contract_id", "contract")
          .softDelete()
          .build();

  static final ResourceSpec PAYMENTS =
      ResourceSpec.builder("payment", "payments")
          .view(PaymentView.class)
          .field("number", "number", FieldType.STRING, true, false)
          .field("contractId", "contract_id", FieldType.UUID_, false, false)
          .field("planId", "plan_id", FieldType.UUID_, false, true)
          .field("paidOn", "paid_on", FieldType.DATE, true, false)
          .field("amount", "amount", FieldType.DECIMAL, true, false)
          .enumField("method", "method", PaymentMethod.class, true)
          .enumField("status", "status", PaymentStatus.class, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .ownerFields()
          .auditFields()
          .relation("contract", "contract_id", "contract")
          .relation("plan", "plan_id", "payment-plan")
          .softDelete()
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
    return List.of(
        LEADS, PIPELINES, OPPORTUNITIES, QUOTES, CONTRACTS, PAYMENT_PLANS, PAYMENTS, SALES_ORDERS);
  }
}
