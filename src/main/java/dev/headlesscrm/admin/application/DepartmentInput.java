package dev.headlesscrm.admin.application;

import dev.headlesscrm.admin.domain.DepartmentKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a department: the body of a create, the target of a merge patch. */
@Input("DepartmentInput")
@Schema(name = "DepartmentInput", description = "The writable fields of a department.")
public record DepartmentInput(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*")
        @Schema(examples = "SALES-EAST")
        String code,
    @NotBlank @Size(max = 200) @Schema(examples = "华东销售部") String name,
    @NotNull DepartmentKind kind,
    UUID parentId,
    UUID managerId,
    @PositiveOrZero Integer sortOrder) {}
