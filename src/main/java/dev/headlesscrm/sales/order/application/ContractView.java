package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.order.domain.ContractStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contract as clients read it; received and outstanding follow the approved payments. */
@Type("Contract")
@Schema(name = "Contract", description = "A sales contract (销售合同).")
public record ContractView(
    @Id UUID id,
    @Schema(examples = "HT20261123001") String number,
    String name,
    UUID customerId,
    UUID opportunityId,
    UUID quoteId,
    LocalDate signingDate,
    LocalDate startDate,
    LocalDate endDate,
    String currency,
    @Schema(description = "The sum of the lines when there are lines") BigDecimal amount,
    @Schema(description = "Approved payments") BigDecimal receivedAmount,
    @Schema(description = "amount − receivedAmount") BigDecimal outstandingAmount,
    List<PricedLines.LineView> lines,
    String paymentTerms,
    @Schema(description = "A contact of the customer") UUID customerSignatoryId,
    @Schema(description = "An employee") UUID companySignatoryId,
    ContractStatus status,
    String notes,
    Map<String, String> custom,
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
