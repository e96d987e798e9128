package dev.headlesscrm.customer.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 放入公海: why, and optionally which pool (else the one governing the owner). */
@Input("PutBackInput")
@Schema(name = "PutBack")
public record PutBack(
    @NotBlank @Size(max = 500) @Schema(examples = "客户已停止采购计划") String reason,
    @Schema(
            description =
                "A pool the caller is a member or administrator of; default: the pool"
                    + " governing the owner")
        UUID poolId) {}
