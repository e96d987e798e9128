package dev.headlesscrm.sales.pipeline.application;

import dev.headlesscrm.platform.records.FollowingRecords;
import dev.headlesscrm.platform.records.TransferParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * What a customer's transfer (转移) may carry from the pipeline: {@code carry: ["opportunities"]}.
 */
@ApplicationScoped
public class OpportunitiesFollowCustomer {

  @Produces
  TransferParticipant opportunities(OpportunityService service) {
    return new FollowingRecords("customer", "opportunities", service, "customerId");
  }
}
