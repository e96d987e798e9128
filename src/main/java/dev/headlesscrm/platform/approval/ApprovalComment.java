package dev.headlesscrm.platform.approval;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of approve, reject and withdraw. */
@Schema(name = "ApprovalComment", description = "Why the approval is decided this way.")
public record ApprovalComment(
    @Size(max = ApprovalRequest.MAX_COMMENT) @Schema(examples = "折扣在授权范围内，同意。") String comment) {}
