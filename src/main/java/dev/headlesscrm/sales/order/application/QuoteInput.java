package dev.headlesscrm.sales.order.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a quote (editable while DRAFT or REJECTED). */
@Input("QuoteInput")
@Schema(name = "QuoteInput")
public record QuoteInput(
    @NotBlank @Size(max = 200) String name,
    UUID opportunityId,
    @NotNull UUID customerId,
    UUID contactId,
    LocalDate validUntil,
    @Pattern(regexp = "[A-Z]{3}") String currency,
    @NotEmpty @Size(max = 200) List<PricedLines.@Valid @NotNull LineInput> lines,
    @Size(max = 10000) String terms,
    @Size(max = 10000) String notes,
    Map<String, String> custom,
    @Size(max = 100) String externalId,
    UUID ownerId) {}
