package dev.headlesscrm.sales.order.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a contract (editable while DRAFT or REJECTED). */
@Input("ContractInput")
@Schema(name = "ContractInput")
public record ContractInput(
    @NotBlank @Size(max = 200) String name,
    @NotNull UUID customerId,
    UUID opportunityId,
    LocalDate signingDate,
    LocalDate startDate,
    LocalDate endDate,
    @Pattern(regexp = "[A-Z]{3}") String currency,
    @DecimalMin("0")
        @Digits(integer = 12, fraction = 6)
        @Schema(description = "Ignored when there are lines (their total wins)")
        BigDecimal amount,
    @io.smallrye.graphql.api.Nullable @Size(max = 200)
        List<PricedLines.@Valid @NotNull LineInput> lines,
    @Size(max = 1000) String paymentTerms,
    UUID customerSignatoryId,
    UUID companySignatoryId,
    @Size(max = 10000) String notes,
    Map<String, String> custom,
    @Size(max = 100) String externalId,
    UUID ownerId) {}
