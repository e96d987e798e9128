package dev.headlesscrm.support.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a project milestone; it is reached through its action. */
@Input("ProjectMilestoneInput")
@Schema(name = "ProjectMilestoneInput", description = "The writable fields of a project milestone.")
public record ProjectMilestoneInput(
    @NotNull @Schema(description = "The service project (fixed once created)") UUID projectId,
    @NotBlank @Size(max = 200) @Schema(examples = "上线验收") String name,
    @Size(max = 20000) String description,
    @Schema(examples = "2027-01-15") LocalDate dueOn) {}
