package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.EntitlementConsumption;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a service contract. */
@Input("ServiceContractInput")
@Schema(
    name = "ServiceContractInput",
    description = "The writable fields of a service contract (服务合同).")
public record ServiceContractInput(
    @Size(max = 128) @Schema(description = "The caller's own id, for upserts") String externalId,
    @NotBlank @Size(max = 200) @Schema(examples = "打印机年度维保") String name,
    @NotNull UUID customerId,
    @Schema(description = "The sales contract it was sold under; must be the customer's")
        UUID salesContractId,
    @NotBlank
        @Size(max = 64)
        @Schema(description = "Code from dictionary 'service-level'", examples = "PREMIUM")
        String serviceLevel,
    @NotNull LocalDate startsOn,
    @NotNull @Schema(description = "Last day it is in force") LocalDate endsOn,
    @Schema(description = "An inactive contract entitles nothing; true when omitted")
        Boolean active,
    @Schema(description = "When cases are counted; CREATION when omitted (hours: on resolution)")
        EntitlementConsumption consumeOn,
    @Schema(
            description =
                "Refuse new requests it covers once its terms are used up (unless the warranty or a"
                    + " sales contract entitles them); false when omitted")
        Boolean blockWhenExhausted,
    @Size(max = 200) @Schema(description = "Covered goods (the customer's); empty: all")
        List<@NotNull UUID> goodsIds,
    @Size(max = 200) @Schema(description = "Covered products; empty: all")
        List<@NotNull UUID> productIds,
    @Size(max = 200) @Schema(description = "Covered contacts (the customer's); empty: all")
        List<@NotNull UUID> contactIds,
    @Size(max = 20) @Schema(description = "Entitlement terms; none: it entitles nothing")
        List<@NotNull @Valid EntitlementTermInput> terms,
    @Size(max = 5000) String note) {}
