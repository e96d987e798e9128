package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.CareOccasion;
import dev.headlesscrm.platform.api.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A care record (客户关怀) as clients read it. */
@Type("CustomerCare")
@Schema(name = "CustomerCare", description = "A care action for a customer or its contact.")
public record CustomerCareView(
    @Id UUID id,
    UUID customerId,
    UUID contactId,
    @Schema(description = "Code from dictionary 'care-kind' (GREETING, GIFT, VISIT, CARD)")
        String kind,
    CareOccasion occasion,
    String content,
    Instant plannedAt,
    Instant doneAt,
    BigDecimal cost,
    @Schema(
            description =
                "Set when the care is planned within care-before-marketing-days (系统参数) before a"
                    + " marketing contact of the same customer: when that contact is. Care right"
                    + " before a promotion looks insincere. Null when nothing is flagged")
        Instant marketingConflictAt,
    @Schema(description = "The campaign of the flagged marketing contact")
        UUID marketingConflictCampaignId,
    @Schema(description = "The flagged marketing contact (a campaign member)")
        UUID marketingConflictMemberId,
    UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
