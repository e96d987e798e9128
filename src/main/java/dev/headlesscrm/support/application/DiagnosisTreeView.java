package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.DiagnosisNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A diagnosis tree (诊断树, 横向决策树) as clients read it. */
@Type("DiagnosisTree")
@Schema(
    name = "DiagnosisTree",
    description =
        "Questions whose answers lead to further questions or to a solution article, starting at"
            + " rootNodeKey; walk it with GET /diagnosis-trees/{id}/walk?answers=….")
public record DiagnosisTreeView(
    @Id UUID id,
    String name,
    String description,
    UUID productId,
    @Schema(description = "Code from dictionary 'service-category'") String category,
    boolean active,
    String rootNodeKey,
    List<DiagnosisNode> nodes,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
