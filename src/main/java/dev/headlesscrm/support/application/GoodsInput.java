package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.GoodsStatus;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of goods. */
@Input("GoodsItemInput")
@Schema(name = "GoodsItemInput", description = "The writable fields of goods (商品).")
public record GoodsInput(
    @Size(max = 128) @Schema(description = "The caller's own id, for upserts") String externalId,
    @NotNull UUID productId,
    @NotNull UUID customerId,
    @Schema(description = "One of the customer's contacts") UUID contactId,
    @Size(max = 100)
        @Schema(description = "Unique per product among live goods", examples = "SN-2026-000123")
        String serialNumber,
    @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 14, fraction = 4)
        @Schema(description = "1 when omitted")
        BigDecimal quantity,
    LocalDate deliveredOn,
    LocalDate installedOn,
    @Size(max = 500) String installAddress,
    @Schema(
            description =
                "Last day of warranty; when omitted, delivery (or today) plus the warranty-months"
                    + " setting")
        LocalDate warrantyEndsOn,
    @Schema(description = "IN_USE when omitted") GoodsStatus status,
    @Size(max = 5000) String note) {}
