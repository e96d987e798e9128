package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.ComplaintSeverity;
import dev.headlesscrm.support.domain.EntitlementSource;
import dev.headlesscrm.support.domain.ServicePriority;
import dev.headlesscrm.support.domain.ServiceRequestStatus;
import dev.headlesscrm.support.domain.ServiceRequestType;
import dev.headlesscrm.support.domain.SlaTimerState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service request (服务请求) as clients read it. */
@Type("ServiceRequest")
@Schema(
    name = "ServiceRequest",
    description =
        "A customer's service request. Status moves only through its actions (assign, start,"
            + " respond, wait, resume, resolve, close, reopen, escalate); its SLA timers are at"
            + " /service-requests/{id}/sla-timers, summarised here by slaState and the due times.")
public record ServiceRequestView(
    @Id UUID id,
    @Schema(examples = "FW202612070001") String number,
    String externalId,
    UUID customerId,
    UUID contactId,
    UUID goodsId,
    @Schema(
            description =
                "Whether the goods' warranty covered the request when it was made or its goods"
                    + " changed; null without goods")
        Boolean underWarranty,
    @Schema(
            description =
                "What entitled it, decided when it was made: a service contract's term, the goods'"
                    + " warranty, the sales contract behind the goods, or NONE")
        EntitlementSource entitledBy,
    @Schema(description = "The service contract whose term entitled it") UUID serviceContractId,
    @Schema(description = "That contract's term (GET /service-contracts/{id}/ledger)")
        UUID entitlementTermId,
    @Schema(description = "The sales contract behind its goods that entitled it")
        UUID salesContractId,
    @Schema(description = "Hours worked on it") BigDecimal workedHours,
    @Schema(description = "The queue routing put it in") UUID queueId,
    @Schema(description = "When it was last routed (GET …/routing says how)") Instant routedAt,
    @Schema(description = "The product defect it is an occurrence of") UUID defectId,
    @Schema(description = "Code from dictionary 'service-channel'") String channel,
    ServiceRequestType type,
    @Schema(description = "Code from dictionary 'service-category'") String category,
    ServicePriority priority,
    String subject,
    String description,
    ServiceRequestStatus status,
    @Schema(description = "Complaints only") ComplaintSeverity severity,
    @Schema(description = "How many times it was escalated") int escalationLevel,
    Instant escalatedAt,
    @Schema(description = "The SLA policy that gave its timers") UUID slaPolicyId,
    @Schema(description = "The worst state of its timers (BREACHED over WARNING over the others)")
        SlaTimerState slaState,
    @Schema(description = "When the running response timer (first or next) is due")
        Instant responseDueAt,
    @Schema(description = "When the resolution timer is due, while it runs")
        Instant resolutionDueAt,
    Instant firstRespondedAt,
    Instant lastRespondedAt,
    Instant resolvedAt,
    Instant closedAt,
    String resolution,
    int reopenCount,
    @Schema(description = "The agent working it; null while in its department's queue")
        UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
