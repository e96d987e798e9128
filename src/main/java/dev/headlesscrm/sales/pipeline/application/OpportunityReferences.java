package dev.headlesscrm.sales.pipeline.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The reference a sales document makes to an opportunity, checked like the others: it must exist,
 * be visible to the caller and belong to the document's customer; otherwise a 422 on its field.
 */
@ApplicationScoped
public class OpportunityReferences {

  @Inject OpportunityService opportunities;

  public void opportunityOf(UUID opportunityId, UUID customerId, String field) {
    if (opportunityId == null) {
      return;
    }
    OpportunityView o = opportunities.getAll(List.of(opportunityId)).get(opportunityId);
    if (o == null || !o.customerId().equals(customerId)) {
      throw CrmException.invalidField(
          field, "not-of-customer", Text.of("Not an opportunity of this customer.", "不是该客户的商机。"));
    }
  }
}
