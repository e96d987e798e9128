package dev.headlesscrm.sales.order.application;

import jakarta.validation.Valid;
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

/** The writable fields of a sales order (lines editable while DRAFT). */
@Input("SalesOrderInput")
@Schema(name = "SalesOrderInput")
public record SalesOrderInput(
    UUID contractId,
    @NotNull UUID customerId,
    @Schema(description = "Today when omitted") LocalDate orderDate,
    LocalDate deliveryDate,
    @Size(max = 500) String shippingAddress,
    @Pattern(regexp = "[A-Z]{3}") String currency,
    @NotEmpty @Size(max = 500) List<PricedLines.@Valid @NotNull LineInput> lines,
    @Size(max = 10000) String notes,
    Map<String, String> custom,
    @Size(max = 100) String externalId,
    UUID ownerId) {}
