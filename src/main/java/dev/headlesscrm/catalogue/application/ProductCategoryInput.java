package dev.headlesscrm.catalogue.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a product category: a create's body, a merge patch's target. */
@Input("ProductCategoryInput")
@Schema(name = "ProductCategoryInput", description = "The writable fields of a product category.")
public record ProductCategoryInput(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*")
        @Schema(examples = "SOFTWARE")
        String code,
    @NotBlank @Size(max = 200) @Schema(examples = "软件产品") String name,
    @Schema(description = "The parent category; must be live and not below this one") UUID parentId,
    @PositiveOrZero Integer sortOrder,
    @Size(max = 10000) String description,
    @Size(max = 100) String externalId) {}
