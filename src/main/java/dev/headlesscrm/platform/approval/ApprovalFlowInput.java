package dev.headlesscrm.platform.approval;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of an approval flow: the body of a create, the target of a merge patch. */
@Schema(name = "ApprovalFlowInput", description = "The writable fields of an approval flow.")
@Input("ApprovalFlowInput")
public record ApprovalFlowInput(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[a-z][a-z0-9-]*")
        @Schema(description = "The resource whose records the flow approves.", examples = "quote")
        String resource,
    @NotBlank @Size(max = 200) @Schema(examples = "报价折扣审批") String name,
    @Schema(
            description =
                "Whether the engine uses this flow; a resource has at most one active flow."
                    + " Default true.")
        Boolean active,
    @NotNull @NotEmpty @Size(max = ApprovalFlowService.MAX_STEPS)
        List<@Valid @NotNull ApprovalStepDefinition> steps) {}
