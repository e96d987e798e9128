package dev.headlesscrm.platform.metadata;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A resource as a frontend needs it: its fields and traits, for the calling user. */
@Schema(name = "ResourceMetadata")
public record ResourceMetadata(
    @Schema(examples = "customer") String name,
    @Schema(description = "The REST collection", examples = "/api/v1/customers") String path,
    @Schema(description = "Owned records: ownerId, team members, transfer, data scope")
        boolean owned,
    @Schema(description = "Deletes are soft; POST /{id}/restore undoes them") boolean softDelete,
    @Schema(description = "Free text with q") boolean searchable,
    @Schema(description = "Holds custom fields under custom (filter with custom.<key>)")
        boolean customFields,
    @Schema(description = "May be upserted by external id") boolean externalId,
    @Schema(description = "Fields accepted by sort") List<String> sortable,
    @Schema(description = "Relations filter paths and expand follow") List<String> relations,
    List<FieldMetadata> fields) {}
