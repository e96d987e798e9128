package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.DefectSeverity;
import dev.headlesscrm.support.domain.DefectStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product defect (产品缺陷) as clients read it. */
@Type("ProductDefect")
@Schema(
    name = "ProductDefect",
    description =
        "A defect of a product version. Status moves through confirm, start-fix, mark-fixed,"
            + " close and reopen; service requests link to it (defectId), and occurrenceCount"
            + " counts the live ones: /service-requests?filter=defectId==… lists them.")
public record ProductDefectView(
    @Id UUID id,
    @Schema(examples = "QX202612070001") String number,
    UUID productId,
    String productVersion,
    String title,
    String description,
    DefectSeverity severity,
    DefectStatus status,
    String fixedInVersion,
    Instant fixedAt,
    @Schema(description = "Live service requests linked to it") int occurrenceCount,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
