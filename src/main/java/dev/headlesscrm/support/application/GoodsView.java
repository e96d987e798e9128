package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.GoodsStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Goods (商品) as clients read them. */
@Type("GoodsItem")
@Schema(
    name = "GoodsItem",
    description =
        "A product a customer owns: entered, or made when a sales order line is delivered"
            + " (orderId, orderLineId). underWarranty is as of today in the business time zone.")
public record GoodsView(
    @Id UUID id,
    String externalId,
    UUID productId,
    UUID customerId,
    UUID contactId,
    String serialNumber,
    BigDecimal quantity,
    @Schema(description = "The sales order it was delivered with") UUID orderId,
    UUID orderLineId,
    LocalDate deliveredOn,
    LocalDate installedOn,
    String installAddress,
    LocalDate warrantyEndsOn,
    boolean underWarranty,
    @Schema(description = "When its owner was told the warranty ends soon")
        Instant warrantyWarnedAt,
    GoodsStatus status,
    String note,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
