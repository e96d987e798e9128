package dev.headlesscrm.support.api.graphql;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.support.application.EntitlementEntryView;
import dev.headlesscrm.support.application.EntitlementView;
import dev.headlesscrm.support.application.Entitlements;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Entitlements over GraphQL: the same service as REST. */
@GraphQLApi
@GraphQlProblems
public class ServiceContractGraphQlApi {

  @Inject Entitlements entitlements;

  @Query("serviceContractLedger")
  @Description("The entitlement ledger of a service contract, oldest first")
  public List<@NonNull EntitlementEntryView> serviceContractLedger(@Id @NonNull String id) {
    return entitlements.ledger(Ids.parse(id));
  }

  @Query("customerEntitlements")
  @Description(
      "What a customer is entitled to today: service-contract terms, warranties, sales contracts")
  public List<@NonNull EntitlementView> customerEntitlements(@Id @NonNull String id) {
    return entitlements.ofCustomer(Ids.parse(id));
  }
}
