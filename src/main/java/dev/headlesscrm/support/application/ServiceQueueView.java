package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.ServiceRequestType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service queue (服务队列) as clients read it. */
@Type("ServiceQueue")
@Schema(
    name = "ServiceQueue",
    description =
        "Requests of its categories and types, routed to the most suitable available member;"
            + " overflowing to overflowQueueId when none can take one.")
public record ServiceQueueView(
    @Id UUID id,
    String name,
    int rank,
    boolean active,
    UUID departmentId,
    List<UUID> memberIds,
    List<String> categories,
    List<ServiceRequestType> requestTypes,
    List<TypeWeight> typeWeights,
    UUID overflowQueueId,
    String description,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
