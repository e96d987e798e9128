package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.EntitlementUnit;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entitlement term as written. */
@Input("EntitlementTermInput")
@Schema(
    name = "EntitlementTermInput",
    description =
        "So many cases or hours on one channel (any channel when omitted). Keep a term's id when"
            + " changing it: a term that is gone or reduced below what was used is refused (422).")
public record EntitlementTermInput(
    @Schema(description = "The term's id, to change an existing term; new terms get one") UUID id,
    @NotNull EntitlementUnit unit,
    @Size(max = 64) @Schema(description = "Code from dictionary 'service-channel'; null: any")
        String channel,
    @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 10, fraction = 2)
        @Schema(examples = "12")
        BigDecimal quantity) {}
