package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.CareOccasion;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a care record. */
@Input("CustomerCareInput")
@Schema(name = "CustomerCareInput")
public record CustomerCareInput(
    @NotNull UUID customerId,
    @Schema(description = "A contact of the customer, when the care is for them") UUID contactId,
    @NotBlank
        @Size(max = 64)
        @Schema(description = "Code from dictionary 'care-kind'", examples = "GIFT")
        String kind,
    @NotNull CareOccasion occasion,
    @Size(max = 5000) @Schema(examples = "中秋节寄送月饼礼盒") String content,
    @Schema(description = "When it is planned; now when omitted") Instant plannedAt,
    @Schema(description = "When it was done; open while null") Instant doneAt,
    @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal cost,
    @Schema(description = "Who takes care; the caller when omitted") UUID ownerId) {}
