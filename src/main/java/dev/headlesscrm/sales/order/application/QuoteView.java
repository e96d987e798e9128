package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.order.domain.QuoteStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote as clients read it; totals are computed by the server. */
@Type("Quote")
@Schema(name = "Quote", description = "A quote (销售报价) with server-computed totals.")
public record QuoteView(
    @Id UUID id,
    @Schema(examples = "BJ20261123001") String number,
    @Schema(description = "1 for the first version; revisions share the number") int revision,
    @Schema(description = "The version this one revises") UUID revisionOfId,
    @Schema(description = "True once a newer revision exists (then read-only)") boolean superseded,
    String name,
    UUID opportunityId,
    UUID customerId,
    UUID contactId,
    LocalDate validUntil,
    String currency,
    List<PricedLines.LineView> lines,
    BigDecimal subtotal,
    BigDecimal discountTotal,
    BigDecimal taxTotal,
    BigDecimal grandTotal,
    @Schema(
            description =
                "The largest line discount (percent); above the setting it needs approval")
        BigDecimal maxDiscount,
    QuoteStatus status,
    String terms,
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
