package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.AgentSkill;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent profile (话务员档案) as clients read it. */
@Type("AgentProfile")
@Schema(
    name = "AgentProfile",
    description =
        "What routing weighs of an agent: skills with levels, capacity, availability and working"
            + " time.")
public record AgentProfileView(
    @Id UUID id,
    UUID employeeId,
    boolean available,
    int capacity,
    UUID calendarId,
    List<AgentSkill> skills,
    @Schema(description = "When routing last gave them a request") Instant lastAssignedAt,
    String note,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
