package dev.headlesscrm.sales.application;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SearchSupport;
import dev.headlesscrm.sales.domain.LeadRating;
import dev.headlesscrm.sales.domain.LeadStatus;
import dev.headlesscrm.sales.domain.OpportunityStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What lists may filter and sort leads, pipelines and opportunities by, declared once. */
@ApplicationScoped
public class SalesResources implements ResourceDeclarations {

  static final ResourceSpec LEADS =
      ResourceSpec.builder("lead", "leads")
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
          .field("ownerId", "owner_id", FieldType.UUID_, false, true)
          .field("ownerDepartmentId", "owner_department_id", FieldType.UUID_, false, true)
          .auditFields()
          .relation("owner", "owner_id", "employee")
          .relation("ownerDepartment", "owner_department_id", "department")
          .relation("convertedCustomer", "converted_customer_id", "customer")
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
          .field("ownerId", "owner_id", FieldType.UUID_, false, true)
          .field("ownerDepartmentId", "owner_department_id", FieldType.UUID_, false, true)
          .auditFields()
          .relation("customer", "customer_id", "customer")
          .relation("primaryContact", "primary_contact_id", "contact")
          .relation("pipeline", "pipeline_id", "pipeline")
          .relation("owner", "owner_id", "employee")
          .relation("ownerDepartment", "owner_department_id", "department")
          .softDelete()
          .customFields("custom_fields")
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(LEADS, PIPELINES, OPPORTUNITIES);
  }
}
