package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approval flow as clients read it. */
@Schema(
    name = "ApprovalFlow",
    description =
        "The steps one resource's records go through before they are approved (审批流程), in"
            + " order.")
@Type("ApprovalFlow")
public record ApprovalFlowView(
    UUID id,
    @Schema(examples = "quote") String resource,
    @Schema(examples = "报价折扣审批") String name,
    boolean active,
    List<ApprovalStepDefinition> steps,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    @Schema(description = "Set while the record is soft-deleted") Instant deletedAt)
    implements Versioned {}
