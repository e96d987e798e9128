package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.EntitlementSource;
import dev.headlesscrm.support.domain.ServicePriority;
import dev.headlesscrm.support.domain.ServiceRequestType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An SLA policy (服务级别) as clients read it. */
@Type("SlaPolicy")
@Schema(
    name = "SlaPolicy",
    description =
        "Targets for the requests matching its conditions (priority, type, customer level, what"
            + " entitled the request and its service contract's level; empty lists match every"
            + " value). A new"
            + " request takes the first active policy by rank; its timers count working time of the"
            + " policy's calendar.")
public record SlaPolicyView(
    @Id UUID id,
    String name,
    int rank,
    boolean active,
    List<ServicePriority> priorities,
    List<ServiceRequestType> requestTypes,
    List<String> customerLevels,
    List<EntitlementSource> entitlementSources,
    List<String> serviceLevels,
    UUID calendarId,
    Integer firstResponseMinutes,
    Integer nextResponseMinutes,
    Integer resolutionMinutes,
    int warningPercent,
    String description,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
