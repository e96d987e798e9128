package dev.headlesscrm.admin.application;

import dev.headlesscrm.admin.domain.DepartmentKind;
import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department as clients read it. */
@Type("Department")
@Schema(name = "Department", description = "A unit of the organisation tree (部门).")
public record DepartmentView(
    @Id UUID id,
    @Schema(examples = "SALES-EAST") String code,
    @Schema(examples = "华东销售部") String name,
    DepartmentKind kind,
    @Schema(description = "The parent department; null for a root.") UUID parentId,
    @Schema(description = "The employee who manages it.") UUID managerId,
    int sortOrder,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    @Schema(description = "Set while the record is soft-deleted") Instant deletedAt)
    implements Versioned {}
