package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.ServiceRequestType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a service queue. */
@Input("ServiceQueueInput")
@Schema(name = "ServiceQueueInput", description = "The writable fields of a service queue.")
public record ServiceQueueInput(
    @NotBlank @Size(max = 100) @Schema(examples = "硬件报修") String name,
    @NotNull @Min(0) @Max(1000000) @Schema(description = "Queues are tried by rank, lowest first")
        Integer rank,
    @Schema(description = "true when omitted") Boolean active,
    @Schema(description = "Whose department sees the requests waiting in it") UUID departmentId,
    @Size(max = 500) List<@NotNull UUID> memberIds,
    @Size(max = 50) @Schema(description = "Service categories it takes; empty takes every one")
        List<@NotNull @Size(max = 64) String> categories,
    @Size(max = 5) @Schema(description = "Request types it takes; empty takes every one")
        List<@NotNull ServiceRequestType> requestTypes,
    @Size(max = 5) @Schema(description = "1 for types not named")
        List<@Valid @NotNull TypeWeight> typeWeights,
    @Schema(description = "Where requests go when no member can take them") UUID overflowQueueId,
    @Size(max = 2000) String description) {}
