package dev.headlesscrm.sales.lead.application;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SearchSupport;
import dev.headlesscrm.sales.lead.domain.LeadRating;
import dev.headlesscrm.sales.lead.domain.LeadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What lists may filter and sort leads by, declared once. */
@ApplicationScoped
public class LeadResources implements ResourceDeclarations {

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

  @Override
  public List<ResourceSpec> resources() {
    return List.of(LEADS);
  }
}
