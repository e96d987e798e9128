package dev.headlesscrm.sales.receivable.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.receivable.domain.PaymentPlanStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One period of a contract's payment plan. */
@Type("PaymentPlan")
@Schema(name = "PaymentPlan", description = "One period of a contract's payment plan (回款计划).")
public record PaymentPlanView(
    @Id UUID id,
    UUID contractId,
    @Schema(description = "1, 2, 3... within the contract") int period,
    LocalDate dueDate,
    BigDecimal amount,
    @Schema(description = "Approved payments booked against this period") BigDecimal receivedAmount,
    BigDecimal outstandingAmount,
    @Schema(description = "Days before the due date to remind; the system parameter when null")
        Integer reminderDays,
    PaymentPlanStatus status,
    String notes,
    UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
