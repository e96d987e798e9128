package dev.headlesscrm.marketing.application;

import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer on a campaign's target list, as clients read it. */
@Type("CampaignMember")
@Schema(
    name = "CampaignMember",
    description =
        "A customer on a campaign's target list (目标客户列表): when the marketing contact is"
            + " planned, when it was made, and the response.")
public record CampaignMemberView(
    @Id UUID id,
    UUID campaignId,
    UUID customerId,
    @Schema(description = "The contact reached, one of the customer's") UUID contactId,
    @Schema(description = "When the marketing contact is planned") Instant plannedAt,
    @Schema(description = "When it was made; planned while null") Instant contactedAt,
    @Schema(description = "Code from dictionary 'campaign-response'", examples = "REGISTERED")
        String response,
    Instant respondedAt,
    String note,
    UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
