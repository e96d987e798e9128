package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.CareOccasion;
import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A care schedule (关怀计划) as clients read it. */
@Type("CareSchedule")
@Schema(
    name = "CareSchedule",
    description =
        "daysBefore days before each occasion, a care task for the customer's owner, once per"
            + " occasion.")
public record CareScheduleView(
    @Id UUID id,
    String name,
    CareOccasion occasion,
    int daysBefore,
    String careKind,
    String taskSubject,
    boolean active,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
