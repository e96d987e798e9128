package dev.headlesscrm.catalogue.application;

import dev.headlesscrm.catalogue.domain.ProductKind;
import dev.headlesscrm.catalogue.domain.ProductSource;
import dev.headlesscrm.catalogue.domain.ProductStatus;
import dev.headlesscrm.platform.api.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product as clients read it. */
@Type("Product")
@Description(
    "A product (产品). cost is hidden by field permissions (by default from all but sales"
        + " managers, integrations and admins): null in GraphQL, left out by REST.")
@Schema(name = "Product", description = "A product or service the company sells (产品).")
public record ProductView(
    @Id UUID id,
    @Schema(
            description = "产品编号, from the numbering rule 'product' unless given",
            examples = "CP000001")
        String code,
    @Schema(examples = "企业版 CRM 许可") String name,
    @Schema(description = "产品类别") UUID categoryId,
    ProductKind kind,
    @Schema(description = "自制 IN_HOUSE, 外购 PURCHASED, 代销 CONSIGNMENT") ProductSource source,
    @Schema(description = "A service (服务)") boolean service,
    @Schema(description = "A training (培训)") boolean training,
    @Schema(examples = "套") String unit,
    @Schema(
            description = "List price, with the decimal places of decimal-places.product",
            examples = "12800.00")
        BigDecimal listPrice,
    @Schema(description = "Cost price; hidden from those not permitted", examples = "8000.00")
        BigDecimal cost,
    @Schema(description = "Tax rate as a fraction: 0.1300 is 13%", examples = "0.13")
        BigDecimal taxRate,
    @Schema(examples = "CNY") String currency,
    ProductStatus status,
    String description,
    @Schema(description = "规格") String specification,
    @Schema(description = "Custom fields (text values); filter with custom.<key>")
        Map<String, String> custom,
    @Schema(description = "The id in the integrator's system (unique)") String externalId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    @Schema(description = "Set while the record is soft-deleted") Instant deletedAt)
    implements Versioned {}
