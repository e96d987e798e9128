package dev.headlesscrm.sales.receivable.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.receivable.domain.PaymentMethod;
import dev.headlesscrm.sales.receivable.domain.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment as clients read it. */
@Type("Payment")
@Schema(name = "Payment", description = "A payment received against a contract (回款).")
public record PaymentView(
    @Id UUID id,
    @Schema(examples = "HK20261123001") String number,
    UUID contractId,
    @Schema(description = "The plan period it pays, if any") UUID planId,
    LocalDate paidOn,
    BigDecimal amount,
    PaymentMethod method,
    @Schema(description = "Only APPROVED payments count as received") PaymentStatus status,
    String notes,
    String externalId,
    UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
