package dev.headlesscrm.catalogue.application;

import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product category as clients read it. */
@Type("ProductCategory")
@Schema(name = "ProductCategory", description = "A node of the product category tree (产品类别).")
public record ProductCategoryView(
    @Id UUID id,
    @Schema(examples = "SOFTWARE") String code,
    @Schema(examples = "软件产品") String name,
    @Schema(description = "The parent category; null for a root.") UUID parentId,
    int sortOrder,
    String description,
    @Schema(description = "The id in the integrator's system (unique)") String externalId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    @Schema(description = "Set while the record is soft-deleted") Instant deletedAt)
    implements Versioned {}
