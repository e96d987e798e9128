package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.EntitlementSource;
import dev.headlesscrm.support.domain.ServicePriority;
import dev.headlesscrm.support.domain.ServiceRequestType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of an SLA policy. */
@Input("SlaPolicyInput")
@Schema(name = "SlaPolicyInput", description = "The writable fields of an SLA policy.")
public record SlaPolicyInput(
    @NotBlank @Size(max = 100) @Schema(examples = "VIP 紧急") String name,
    @NotNull
        @Min(0)
        @Max(1000000)
        @Schema(description = "Policies are tried by rank, lowest first", examples = "10")
        Integer rank,
    @Schema(description = "Inactive policies are skipped; true when omitted") Boolean active,
    @Size(max = 4) @Schema(description = "Matching priorities; empty matches every one")
        List<@NotNull ServicePriority> priorities,
    @Size(max = 5) @Schema(description = "Matching request types; empty matches every one")
        List<@NotNull ServiceRequestType> requestTypes,
    @Size(max = 50)
        @Schema(
            description =
                "Matching customer levels (dictionary 'customer-level'); empty matches every one")
        List<@NotNull @Size(max = 64) String> customerLevels,
    @Size(max = 4)
        @Schema(
            description =
                "Matching entitlements (what entitled the request); empty matches every one")
        List<@NotNull EntitlementSource> entitlementSources,
    @Size(max = 50)
        @Schema(
            description =
                "Matching service levels (dictionary 'service-level') of the service contract that"
                    + " entitled the request; empty matches every request")
        List<@NotNull @Size(max = 64) String> serviceLevels,
    @NotNull @Schema(description = "The business calendar the timers count") UUID calendarId,
    @Min(1) @Max(525600) @Schema(description = "Working minutes to the first response")
        Integer firstResponseMinutes,
    @Min(1)
        @Max(525600)
        @Schema(description = "Working minutes from the customer's answer to the next response")
        Integer nextResponseMinutes,
    @Min(1) @Max(525600) @Schema(description = "Working minutes to the resolution")
        Integer resolutionMinutes,
    @Min(1)
        @Max(99)
        @Schema(description = "Warn when this share of a target has run; 80 when omitted")
        Integer warningPercent,
    @Size(max = 2000) String description) {}
