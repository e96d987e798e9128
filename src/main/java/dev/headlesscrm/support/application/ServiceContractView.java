package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.EntitlementConsumption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service contract (服务合同) as clients read it. */
@Type("ServiceContract")
@Schema(
    name = "ServiceContract",
    description =
        "What a customer is entitled to: a period, a service level, what it covers and its terms"
            + " in cases or hours per channel. Terms' used amounts move only with the ledger"
            + " (GET /service-contracts/{id}/ledger), each move a new version of the contract."
            + " inForce is as of today in the business time zone.")
public record ServiceContractView(
    @Id UUID id,
    @Schema(examples = "FWHT2026120001") String number,
    String externalId,
    String name,
    UUID customerId,
    UUID salesContractId,
    @Schema(description = "Code from dictionary 'service-level'") String serviceLevel,
    LocalDate startsOn,
    LocalDate endsOn,
    boolean active,
    boolean inForce,
    EntitlementConsumption consumeOn,
    boolean blockWhenExhausted,
    List<UUID> goodsIds,
    List<UUID> productIds,
    List<UUID> contactIds,
    List<EntitlementTermView> terms,
    String note,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
