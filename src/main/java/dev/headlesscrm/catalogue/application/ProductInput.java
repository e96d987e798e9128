package dev.headlesscrm.catalogue.application;

import dev.headlesscrm.catalogue.domain.ProductKind;
import dev.headlesscrm.catalogue.domain.ProductSource;
import dev.headlesscrm.catalogue.domain.ProductStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a product: the body of a create, the target of a merge patch. */
@Input("ProductInput")
@Schema(name = "ProductInput", description = "The writable fields of a product.")
public record ProductInput(
    @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*")
        @Schema(description = "Generated from the numbering rule 'product' when omitted")
        String code,
    @NotBlank @Size(max = 200) @Schema(examples = "企业版 CRM 许可") String name,
    @Schema(description = "A live product category") UUID categoryId,
    @Schema(description = "INTANGIBLE for services and trainings, else TANGIBLE, when omitted")
        ProductKind kind,
    @Schema(description = "IN_HOUSE when omitted") ProductSource source,
    @Schema(description = "false when omitted") Boolean service,
    @Schema(description = "false when omitted") Boolean training,
    @Size(max = 32) String unit,
    @DecimalMin("0")
        @DecimalMax("999999999999")
        @Schema(description = "Rounded HALF_UP to decimal-places.product")
        BigDecimal listPrice,
    @DecimalMin("0")
        @DecimalMax("999999999999")
        @Schema(description = "Rounded HALF_UP to decimal-places.product")
        BigDecimal cost,
    @DecimalMin("0")
        @DecimalMax("1")
        @Digits(integer = 1, fraction = 4)
        @Schema(description = "A fraction from 0 to 1: 0.13 is 13%", examples = "0.13")
        BigDecimal taxRate,
    @Pattern(regexp = "[A-Z]{3}")
        @Schema(description = "ISO 4217; the default-currency setting when omitted")
        String currency,
    @Schema(description = "ACTIVE when omitted") ProductStatus status,
    @Size(max = 10000) String description,
    @Size(max = 10000) String specification,
    @Schema(description = "Custom fields (text values); filter with custom.<key>")
        Map<String, String> custom,
    @Size(max = 100) String externalId) {}
