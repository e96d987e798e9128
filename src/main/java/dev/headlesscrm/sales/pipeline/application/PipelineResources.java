package dev.headlesscrm.sales.pipeline.application;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.sales.pipeline.domain.OpportunityStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** What lists may filter and sort pipelines and opportunities by, declared once. */
@ApplicationScoped
public class PipelineResources implements ResourceDeclarations, ConstraintProblems {

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

  @Override
  public List<ResourceSpec> resources() {
    return List.of(PIPELINES, OPPORTUNITIES);
  }

  /** The constraints whose names do not say their field (the others are derived). */
  @Override
  public Map<String, Meaning> constraints() {
    return Map.of(
        "pipelines_one_default",
        Meaning.duplicate(
            "defaultPipeline", Text.of("Another pipeline is the default one.", "已有其他商机组是默认商机组。")));
  }
}
