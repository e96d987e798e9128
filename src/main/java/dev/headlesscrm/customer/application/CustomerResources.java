package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Gender;
import dev.headlesscrm.customer.domain.LifecycleStage;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SearchSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What lists may filter and sort customers and contacts by, declared once. Relations make dotted
 * paths work ({@code customer.level==A} on contacts, {@code owner.department.name==华东区}) and are
 * what {@code expand} embeds.
 */
@ApplicationScoped
public class CustomerResources implements ResourceDeclarations {

  static final ResourceSpec CUSTOMERS =
      ResourceSpec.builder("customer", "customers")
          .view(CustomerView.class)
          .field("number", "number", FieldType.STRING, true, false)
          .field("mnemonic", "mnemonic", FieldType.STRING, true, true)
          .field("name", "name", FieldType.STRING, true, false)
          .field("city", "city", FieldType.STRING, true, true)
          .field("email", "email", FieldType.STRING, false, true)
          .field("mainPhone", "main_phone", FieldType.STRING, false, true)
          .field("industry", "industry", FieldType.STRING, true, true)
          .field("level", "level", FieldType.STRING, true, true)
          .field("type", "type", FieldType.STRING, true, true)
          .field("status", "status", FieldType.STRING, true, true)
          .field("source", "source", FieldType.STRING, true, true)
          .field("creditRating", "credit_rating", FieldType.STRING, true, true)
          .field("creditLimit", "credit_limit", FieldType.DECIMAL, true, true)
          .field("currency", "currency", FieldType.STRING, false, false)
          .field("registeredAt", "registered_at", FieldType.DATE, true, true)
          .enumField("lifecycleStage", "lifecycle_stage", LifecycleStage.class, true)
          .field("tags", "tags", FieldType.TAGS, false, false)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .field("parentId", "parent_id", FieldType.UUID_, false, true)
          .ownerFields()
          .auditFields()
          .relation("parent", "parent_id", "customer", Relation.OnDelete.RESTRICT, true)
          .softDelete()
          .customFields("custom_fields")
          .search(SearchSupport::condition)
          .build();

  static final ResourceSpec CONTACTS =
      ResourceSpec.builder("contact", "contacts")
          .view(ContactView.class)
          .sensitive("homePhone", "birthday")
          .derived("age", "birthday")
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("name", "name", FieldType.STRING, true, false)
          .enumField("gender", "gender", Gender.class, false)
          .field("birthday", "birthday", FieldType.DATE, true, true)
          .field("department", "department", FieldType.STRING, true, true)
          .field("title", "title", FieldType.STRING, true, true)
          .field("email", "email", FieldType.STRING, false, true)
          .field("mobile", "mobile", FieldType.STRING, false, true)
          .field("officePhone", "office_phone", FieldType.STRING, false, true)
          .field("imId", "im_id", FieldType.STRING, false, true)
          .field("keyDecisionMaker", "key_decision_maker", FieldType.BOOLEAN, false, false)
          .field("reportsToId", "reports_to_id", FieldType.UUID_, false, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.CASCADE, true)
          .relation("reportsTo", "reports_to_id", "contact", Relation.OnDelete.DETACH, false)
          .softDelete()
          .customFields("custom_fields")
          .search(SearchSupport::condition)
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(CUSTOMERS, CONTACTS);
  }

  public ResourceSpec customers() {
    return CUSTOMERS;
  }

  public ResourceSpec contacts() {
    return CONTACTS;
  }
}
