package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.performance.domain.CommissionBasis;
import dev.headlesscrm.sales.performance.domain.CommissionKind;
import dev.headlesscrm.sales.performance.domain.CommissionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A commission as clients read it; calculated, never written. */
@Type("Commission")
@Schema(
    name = "Commission",
    description =
        "A commission (佣金) an employee earns in a month on one contract or payment under one"
            + " rule. Seen by the employee, those whose data scope covers them, and"
            + " administrators.")
public record CommissionView(
    @Id UUID id,
    @Schema(description = "The month, yyyy-MM", examples = "2026-11") String period,
    CommissionBasis basis,
    @Schema(
            description =
                "COMMISSION, or ADJUSTMENT: what the source earns now minus what was already"
                    + " approved or paid for it (negative when a payment was voided)")
        CommissionKind kind,
    @Schema(description = "contract or payment", examples = "payment") String sourceResource,
    UUID sourceId,
    @Schema(examples = "HK20261123001") String sourceNumber,
    UUID contractId,
    UUID ruleId,
    @Schema(description = "The rule's product category, if it has one") UUID productCategoryId,
    @Schema(description = "The part of the source's amount this rule covers")
        BigDecimal basisAmount,
    @Schema(examples = "0.05") BigDecimal rate,
    @Schema(description = "basisAmount × rate, rounded to the contract decimal places")
        BigDecimal amount,
    String currency,
    CommissionStatus status,
    Instant approvedAt,
    UUID approvedBy,
    Instant paidAt,
    UUID paidBy,
    @Schema(description = "The employee who earns it") UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
