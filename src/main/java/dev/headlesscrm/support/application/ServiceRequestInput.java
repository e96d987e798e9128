package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.ComplaintSeverity;
import dev.headlesscrm.support.domain.ServicePriority;
import dev.headlesscrm.support.domain.ServiceRequestType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable fields of a service request; status, responses and escalation move only through its
 * actions.
 */
@Input("ServiceRequestInput")
@Schema(name = "ServiceRequestInput", description = "The writable fields of a service request.")
public record ServiceRequestInput(
    @Size(max = 128) @Schema(description = "The caller's own id, for upserts") String externalId,
    @NotNull UUID customerId,
    @Schema(description = "One of the customer's contacts") UUID contactId,
    @Schema(description = "The customer's goods (商品) it is about") UUID goodsId,
    @Schema(description = "The product defect (产品缺陷) it is an occurrence of; counted there")
        UUID defectId,
    @NotBlank
        @Size(max = 64)
        @Schema(description = "Code from dictionary 'service-channel'", examples = "PHONE")
        String channel,
    @NotNull ServiceRequestType type,
    @Size(max = 64)
        @Schema(description = "Code from dictionary 'service-category'", examples = "HARDWARE")
        String category,
    @Schema(description = "NORMAL when omitted") ServicePriority priority,
    @NotBlank @Size(max = 200) @Schema(examples = "打印机卡纸无法打印") String subject,
    @Size(max = 20000) String description,
    @Schema(description = "Complaints only (type COMPLAINT)") ComplaintSeverity severity,
    @DecimalMin("0")
        @Digits(integer = 6, fraction = 2)
        @Schema(
            description =
                "Hours worked on it; an hours entitlement term consumes them when it is resolved"
                    + " (and the difference when resolved again)",
            examples = "1.5")
        BigDecimal workedHours,
    @Schema(
            description =
                "The agent who works it (ASSIGNED). When omitted the request is routed: the first"
                    + " queue by rank that takes its category and type gives it to its most suitable"
                    + " available member, or keeps it NEW in the queue; with no such queue the"
                    + " creator works it")
        UUID ownerId) {}
