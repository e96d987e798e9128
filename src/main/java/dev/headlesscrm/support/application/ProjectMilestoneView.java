package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.MilestoneStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project milestone (里程碑) as clients read it. */
@Type("ProjectMilestone")
@Schema(
    name = "ProjectMilestone",
    description =
        "A milestone of a service project, PENDING until reached (POST …/reach; …/reopen undoes"
            + " it). Adding, reaching, reopening, deleting or restoring one recounts its project's"
            + " milestones and progress through the project's version. Seen by those who see its"
            + " project.")
public record ProjectMilestoneView(
    @Id UUID id,
    UUID projectId,
    String name,
    String description,
    LocalDate dueOn,
    MilestoneStatus status,
    Instant reachedAt,
    UUID reachedBy,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
