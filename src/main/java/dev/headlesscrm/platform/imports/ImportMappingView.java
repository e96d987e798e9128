package dev.headlesscrm.platform.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A column mapping a caller saved for reuse; the one named {@code default} is used by imports that
 * give no mapping.
 */
@Type("ImportMapping")
@Schema(name = "ImportMapping")
public record ImportMappingView(
    @Id UUID id,
    @Schema(examples = "customer") String resource,
    @Schema(examples = "default") String name,
    List<ColumnMapping> mapping,
    Instant updatedAt) {}
