package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.EntitlementConsumption;
import dev.headlesscrm.support.domain.EntitlementSource;
import dev.headlesscrm.support.domain.EntitlementUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing a customer is entitled to today. */
@Type("CustomerEntitlement")
@Schema(
    name = "CustomerEntitlement",
    description =
        "One entitlement in force today: a service-contract term (SERVICE_CONTRACT: the term's"
            + " unit, channel, quantity, used and remaining, and what the contract covers), goods"
            + " under warranty (WARRANTY: goodsId, warrantyEndsOn) or goods whose sales contract"
            + " is in force (SALES_CONTRACT: goodsId, salesContractId). Fields that do not apply"
            + " to the source are null.")
public record EntitlementView(
    EntitlementSource source,
    UUID serviceContractId,
    String serviceContractNumber,
    String name,
    @Schema(description = "Code from dictionary 'service-level'") String serviceLevel,
    LocalDate startsOn,
    LocalDate endsOn,
    EntitlementConsumption consumeOn,
    Boolean blockWhenExhausted,
    UUID termId,
    EntitlementUnit unit,
    @Schema(description = "Code from dictionary 'service-channel'; null: any channel")
        String channel,
    BigDecimal quantity,
    BigDecimal used,
    BigDecimal remaining,
    @Schema(description = "Covered goods; empty: all the customer's") List<UUID> goodsIds,
    @Schema(description = "Covered products; empty: all") List<UUID> productIds,
    @Schema(description = "Covered contacts; empty: all the customer's") List<UUID> contactIds,
    UUID goodsId,
    UUID productId,
    String serialNumber,
    LocalDate warrantyEndsOn,
    UUID salesContractId) {}
