package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.EntitlementConsumption;
import dev.headlesscrm.support.domain.EntitlementSource;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing a customer is entitled to today. */
@Type("CustomerEntitlement")
@Schema(
    name = "CustomerEntitlement",
    description =
        "One entitlement in force today: a service-contract term (SERVICE_CONTRACT: serviceContract"
            + " and term), goods under warranty (WARRANTY: goods), or goods whose sales contract is"
            + " in force (SALES_CONTRACT: goods and salesContractId). What does not apply to the"
            + " source is null.")
public record EntitlementView(
    EntitlementSource source,
    ServiceContract serviceContract,
    EntitlementTermView term,
    Goods goods,
    UUID salesContractId) {

  /** The service contract a term belongs to, and what it covers. */
  @Type("EntitlementServiceContract")
  @Schema(name = "EntitlementServiceContract")
  public record ServiceContract(
      @Id UUID id,
      String number,
      String name,
      @Schema(description = "Code from dictionary 'service-level'") String serviceLevel,
      LocalDate startsOn,
      LocalDate endsOn,
      EntitlementConsumption consumeOn,
      boolean blockWhenExhausted,
      @Schema(description = "Covered goods; empty: all the customer's") List<UUID> goodsIds,
      @Schema(description = "Covered products; empty: all") List<UUID> productIds,
      @Schema(description = "Covered contacts; empty: all the customer's") List<UUID> contactIds) {}

  /** The goods a warranty or a sales contract covers. */
  @Type("EntitlementGoods")
  @Schema(name = "EntitlementGoods")
  public record Goods(@Id UUID id, UUID productId, String serialNumber, LocalDate warrantyEndsOn) {}
}
